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

        failed |= !await RateLimitedAsync(quick ? 150 : 600);
        failed |= !await CappedAsync(quick ? 300 : 1_500);
        failed |= !await SettleAsync(quick ? 300 : 2_000);
        return failed ? 1 : 0;
    }

    /// <summary>
    /// An import against the service's recommended rate, 50 requests a second, with a 50 ms round
    /// trip: how close to the limit it runs, and how many 40309 answers it draws on the way.
    /// </summary>
    private static async Task<bool> RateLimitedAsync(int count)
    {
        const int limit = 50;
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.SetRateLimit("add/message", limit);
        emulator.InjectFault("add/message", EmulatorFault.Delay(TimeSpan.FromMilliseconds(50)), times: count * 10);
        using var client = emulator.CreateClient();
        using var rateLimits = new RateLimitCounter();
        var clock = Stopwatch.StartNew();
        var report = await client.ImportAsync(Conversations(count).ToAsyncEnumerable(), new ImportOptions { MaxConcurrency = 16, InitialConcurrency = 4 });
        var seconds = clock.Elapsed.TotalSeconds;
        var rate = count / seconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rate-limited import: {count} requests of {MessagesEach} messages against a limit of {limit} requests/s (50 ms per answer), max concurrency 16:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seconds:0.0} s, {rate:0.0} requests/s = {rate / limit:0.00} of the limit; {rateLimits.Count} answers were 40309 ({(double)rateLimits.Count / count:0.00} per request), {report.Progress.RateLimitWaits} pauses; {report.Progress.MessagesWritten} of {count * MessagesEach} messages written, {report.Progress.MessagesNotApplied} not applied."));
        return report.Succeeded;
    }

    /// <summary>
    /// An import against a service that serves 8 requests at once, 50 ms each, and answers 40309
    /// with a Retry-After of 1 s beyond them: how close it runs to the 160 requests/s the cap
    /// allows, how many 40309 answers it draws, and how often it pauses every request.
    /// </summary>
    private static async Task<bool> CappedAsync(int count)
    {
        await using var service = await CappedService.StartAsync(capacity: 8, TimeSpan.FromMilliseconds(50));
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = "bench-key", BaseUrl = service.ApiRoot });
        var clock = Stopwatch.StartNew();
        var report = await client.ImportAsync(Conversations(count).ToAsyncEnumerable(), new ImportOptions { MaxConcurrency = 16, InitialConcurrency = 4 });
        var seconds = clock.Elapsed.TotalSeconds;
        var ideal = service.Capacity / service.ServiceTime.TotalSeconds;
        var rate = count / seconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Concurrency-capped import: {count} requests of {MessagesEach} messages against a service serving {service.Capacity} at once, {service.ServiceTime.TotalMilliseconds:0} ms each (ideal {ideal:0} requests/s), 40309 + Retry-After 1 s beyond, max concurrency 16:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seconds:0.0} s, {rate:0.0} requests/s = {rate / ideal:0.00} of the ideal; {service.Rejected} answers were 40309 ({(double)service.Rejected / count:0.000} per request), {report.Progress.RateLimitWaits} pauses for everyone, final concurrency {report.Progress.Concurrency}; {report.Progress.MessagesWritten} of {count * MessagesEach} messages written, {service.Served} requests served."));
        return report.Succeeded && service.Served == count;
    }

    /// <summary>
    /// An import in which 5% of the requests fail after sending (half 503s, half dropped
    /// connections), settled by reading their conversations back, against the same import without faults.
    /// </summary>
    private static async Task<bool> SettleAsync(int count)
    {
        var faults = count / 20;
        var clean = await RunAsync(0);
        var faulted = await RunAsync(faults);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Settling: {count} requests of {MessagesEach} messages, {faults} of them answered 503 or dropped after sending, max concurrency 16, SettleDelay 2 s:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  without faults {clean.Seconds:0.00} s ({clean.Report.Progress.MessagesWritten} messages written); with faults {faulted.Seconds:0.00} s, {faulted.Report.Progress.WritesSettled} settled by {faulted.Report.Progress.ReadBacks} get/message read-backs, {faulted.Report.MayHaveBeenApplied.Count} left open, {faulted.Report.Progress.MessagesWritten} of {count * MessagesEach} messages written, {faulted.Stored} stored."));
        return clean.Report.Succeeded && faulted.Report.Succeeded && faulted.Stored == count * MessagesEach;

        async Task<(double Seconds, ImportReport Report, long Stored)> RunAsync(int injected)
        {
            await using var emulator = await MemOSEmulator.StartAsync();
            if (injected > 0)
            {
                emulator.InjectFault("add/message", EmulatorFault.HttpError(503), times: injected / 2);
                emulator.InjectFault("add/message", EmulatorFault.DropConnection(), times: injected - (injected / 2));
            }
            using var client = emulator.CreateClient();
            var conversations = Conversations(count);
            var clock = Stopwatch.StartNew();
            var report = await client.ImportAsync(conversations.ToAsyncEnumerable(), new ImportOptions { MaxConcurrency = 16, InitialConcurrency = 4 });
            var seconds = clock.Elapsed.TotalSeconds;
            long stored = 0;
            foreach (var c in conversations)
            {
                stored += (await client.GetMessagesAsync(new GetMessageRequest { UserId = c.UserId, ConversationId = c.ConversationId, MessageLimitNumber = 50 })).Messages.Count;
            }

            return (seconds, report, stored);
        }
    }

    private static List<ConversationImport> Conversations(int count)
        => [.. Enumerable.Range(0, count).Select(i => new ConversationImport
        {
            UserId = $"u{i % 20}",
            ConversationId = $"c{i}",
            Messages = [.. Enumerable.Range(0, MessagesEach).Select(j => MemOSMessage.User($"Conversation {i}, message {j}.") with { ChatTime = "2025-01-01 08:00:00" })],
        })];

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
        var conversations = Conversations(count);
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
