using System.Diagnostics;
using System.Globalization;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Messages per second written into the emulator by <c>ImportAsync</c> and by a plain sequential
/// loop of <c>AddMessageAsync</c>, with and without a rate limit on add/message. Not a
/// BenchmarkDotNet class: one import is a long operation whose figure is its own wall-clock rate,
/// and a rate limit's one-second windows would not survive BenchmarkDotNet's iterations.
/// </summary>
internal static class ImportThroughput
{
    public static async Task<int> RunAsync(bool quick)
    {
        var conversations = quick ? 300 : 2_000;
        const int MessagesEach = 4;
        Console.WriteLine($"Import throughput: {conversations} conversations of {MessagesEach} messages into the emulator on 127.0.0.1.");
        Console.WriteLine();
        Console.WriteLine("| Rate limit on add/message | Sequential AddMessageAsync loop | ImportAsync (max concurrency 16) |");
        Console.WriteLine("| --- | --- | --- |");
        var failed = false;
        foreach (var limit in new int?[] { null, 100 })
        {
            var loop = await MeasureAsync(limit, conversations, MessagesEach, SequentialAsync);
            var import = await MeasureAsync(limit, conversations, MessagesEach, ImportAsync);
            failed |= import.Written != conversations * MessagesEach;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(limit is null ? "none" : $"{limit} requests/s")} | {loop.Rate:0} messages/s ({loop.Written} written, {loop.Failed} failed) | {import.Rate:0} messages/s ({import.Written} written, {import.Failed} not written) |"));
        }

        return failed ? 1 : 0;
    }

    private static async Task<(double Rate, long Written, long Failed)> MeasureAsync(int? limit, int count, int messagesEach, Func<MemOSClient, List<ConversationImport>, Task<(long Written, long Failed)>> run)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        if (limit is { } perSecond)
        {
            emulator.SetRateLimit("add/message", perSecond);
        }

        using var client = emulator.CreateClient();
        var conversations = Enumerable.Range(0, count).Select(i => new ConversationImport
        {
            UserId = $"u{i % 20}",
            ConversationId = $"c{i}",
            Messages = [.. Enumerable.Range(0, messagesEach).Select(j => MemOSMessage.User($"Conversation {i}, message {j}.") with { ChatTime = "2025-01-01 08:00:00" })],
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
