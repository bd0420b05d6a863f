using System.Diagnostics;
using System.Globalization;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Messages per second written into the emulator by <c>ImportAsync</c> and by a plain sequential
/// loop of <c>AddMessageAsync</c>, with and without a rate limit on add/message, and with and
/// without a delay standing for a cloud round trip (loopback answers in about a millisecond). Not a
/// BenchmarkDotNet class: one import is a long operation whose figure is its own wall-clock rate,
/// and a rate limit's one-second windows would not survive BenchmarkDotNet's iterations.
/// </summary>
internal static class ImportThroughput
{
    private const int MessagesEach = 4;

    public static async Task<int> RunAsync(bool quick)
    {
        var scenarios = new (int? Limit, TimeSpan Latency, int Conversations)[]
        {
            (null, TimeSpan.Zero, quick ? 300 : 2_000),
            (100, TimeSpan.Zero, quick ? 300 : 2_000),
            (null, TimeSpan.FromMilliseconds(50), quick ? 60 : 400),
            (100, TimeSpan.FromMilliseconds(50), quick ? 60 : 400),
        };
        Console.WriteLine($"Import throughput: conversations of {MessagesEach} messages into the emulator on 127.0.0.1.");
        Console.WriteLine();
        Console.WriteLine("| Rate limit on add/message | Added latency per call | Conversations | Sequential AddMessageAsync loop | ImportAsync (max concurrency 16) |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        var failed = false;
        foreach (var (limit, latency, conversations) in scenarios)
        {
            var loop = await MeasureAsync(limit, latency, conversations, SequentialAsync);
            var import = await MeasureAsync(limit, latency, conversations, ImportAsync);
            failed |= import.Written != conversations * MessagesEach;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(limit is null ? "none" : $"{limit} requests/s")} | {latency.TotalMilliseconds:0} ms | {conversations} | {loop.Rate:0} messages/s ({loop.Failed} not written) | {import.Rate:0} messages/s ({import.Failed} not written) |"));
        }

        return failed ? 1 : 0;
    }

    private static async Task<(double Rate, long Written, long Failed)> MeasureAsync(int? limit, TimeSpan latency, int count, Func<MemOSClient, List<ConversationImport>, Task<(long Written, long Failed)>> run)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        if (limit is { } perSecond)
        {
            emulator.SetRateLimit("add/message", perSecond);
        }

        if (latency > TimeSpan.Zero)
        {
            // Enough delayed answers for every call and its retries.
            emulator.InjectFault("add/message", EmulatorFault.Delay(latency), times: count * 10);
        }

        using var client = emulator.CreateClient();
        var conversations = Enumerable.Range(0, count).Select(i => new ConversationImport
        {
            UserId = $"u{i % 20}",
            ConversationId = $"c{i}",
            Messages = [.. Enumerable.Range(0, MessagesEach).Select(j => MemOSMessage.User($"Conversation {i}, message {j}.") with { ChatTime = "2025-01-01 08:00:00" })],
        }).ToList();
        var clock = Stopwatch.StartNew();
        var (written, failed) = await run(client, conversations);
        return (written / clock.Elapsed.TotalSeconds, written, failed);
    }

    /// <summary>What most hand-written imports do: one call per conversation, a failure logged and skipped.</summary>
    private static async Task<(long, long)> SequentialAsync(MemOSClient client, List<ConversationImport> conversations)
    {
        long written = 0, failed = 0;
        foreach (var c in conversations)
        {
            try
            {
                await client.AddMessageAsync(c.UserId, c.ConversationId, c.Messages);
                written += c.Messages.Count;
            }
            catch (MemOSException)
            {
                failed += c.Messages.Count;
            }
        }

        return (written, failed);
    }

    private static async Task<(long, long)> ImportAsync(MemOSClient client, List<ConversationImport> conversations)
    {
        var report = await client.ImportAsync(conversations.ToAsyncEnumerable(), new ImportOptions { MaxConcurrency = 16, InitialConcurrency = 4 });
        return (report.Progress.MessagesWritten, report.Progress.MessagesMayHaveBeenApplied + report.Progress.MessagesNotApplied);
    }
}
