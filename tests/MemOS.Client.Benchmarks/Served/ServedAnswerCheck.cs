namespace MemOS.Client.Benchmarks.Served;

/// <summary>Before anything is timed: nginx answers each route's POST with exactly the fixture's bytes, status and content type.</summary>
internal static class ServedAnswerCheck
{
    public static async Task VerifyAsync(NginxServer server)
    {
        using var http = Clients.Bare();
        foreach (var (path, body, contentType) in ServedAnswers.Files)
        {
            var sent = path.EndsWith("/chat", StringComparison.Ordinal) ? Bodies.ChatStreamRequestBytes : Bodies.SearchRequestBytes;
            using var request = FloorClient.Request(new Uri(server.Root, path), sent, contentType);
            using var response = await http.SendAsync(request);
            var received = await response.Content.ReadAsByteArrayAsync();
            var receivedType = response.Content.Headers.ContentType?.MediaType;
            if ((int)response.StatusCode != 200 || receivedType != contentType || !received.AsSpan().SequenceEqual(body))
            {
                throw new InvalidDataException(
                    $"nginx answered POST {path} with {(int)response.StatusCode}, {receivedType ?? "no content type"} and {received.Length} bytes; expected 200, {contentType} and the fixture's {body.Length} bytes. Its configuration is in NginxServer.");
            }
        }
    }
}
