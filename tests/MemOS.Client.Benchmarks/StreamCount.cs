namespace MemOS.Client.Benchmarks;

/// <summary>Reads an SDK chat stream of the benchmark request to its end.</summary>
internal static class StreamCount
{
    public static async Task<int> Of(MemOSClient client)
    {
        var count = 0;
        await foreach (var _ in client.ChatStreamAsync(Bodies.ChatRequest))
        {
            count++;
        }

        return count;
    }
}
