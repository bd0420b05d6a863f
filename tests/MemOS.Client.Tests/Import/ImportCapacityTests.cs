using System.Diagnostics;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace MemOS.Client.Tests;

/// <summary>
/// An import against a service that serves a fixed number of requests at once and answers 40309
/// with a Retry-After beyond it: the import settles near that capacity instead of pausing
/// everyone after every rejection, and writes every message once.
/// </summary>
public sealed class ImportCapacityTests(ITestOutputHelper output)
{
    private const int Capacity = 4;
    private const int ServiceMilliseconds = 20;

    [Fact]
    public async Task Under_a_cap_on_requests_at_once_the_import_settles_near_it_and_writes_every_message_once()
    {
        var inFlight = 0;
        var rejected = 0;
        var stored = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (!TryEnter(ref inFlight))
            {
                Interlocked.Increment(ref rejected);
                context.Response.Headers.RetryAfter = "1";
                await Respond.Text(context, """{"code":40309,"message":"too many requests at once"}""", 429);
                return;
            }

            try
            {
                await Task.Delay(ServiceMilliseconds);
                stored.AddOrUpdate(LoopbackServer.Body(context), 1, (_, n) => n + 1);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            await Respond.Text(context, """{"code":0,"data":{"success":true},"message":"ok"}""");
        });
        // Real time: the client waits out each Retry-After, as against the service.
        using var client = server.CreateClient(o => o.TimeProvider = TimeProvider.System);
        const int Conversations = 400;
        var conversations = Enumerable.Range(0, Conversations).Select(i => new ConversationImport
        {
            UserId = "u",
            ConversationId = $"c{i}",
            Messages = [MemOSMessage.User($"message {i}")],
        });

        var clock = Stopwatch.StartNew();
        var report = await client.ImportAsync(Stream(conversations), new ImportOptions { MaxConcurrency = 16, InitialConcurrency = 2 });
        var seconds = clock.Elapsed.TotalSeconds;

        var ideal = Capacity * 1000.0 / ServiceMilliseconds;
        var achieved = Conversations / seconds / ideal;
        output.WriteLine($"capacity {Capacity} at once, {ServiceMilliseconds} ms each (ideal {ideal:0} requests/s): {Conversations} requests in {seconds:0.00} s = {achieved:P0} of the ideal; {rejected} 40309s ({(double)rejected / Conversations:0.000} per request); {report.Progress.RateLimitWaits} pauses for everyone; final concurrency {report.Progress.Concurrency}");
        report.NotApplied.Concat(report.MayHaveBeenApplied).Should().BeEmpty();
        report.Succeeded.Should().BeTrue();
        stored.Should().HaveCount(Conversations).And.OnlyContain(pair => pair.Value == 1, "every message is stored once");
        achieved.Should().BeGreaterThan(0.1, "a loose floor: the import neither stalls nor pauses after every 40309");
    }

    /// <summary>Takes one of the service's places unless all are taken; a refused request never holds one, even for a moment.</summary>
    private static bool TryEnter(ref int inFlight)
    {
        for (var seen = Volatile.Read(ref inFlight); seen < Capacity; seen = Volatile.Read(ref inFlight))
        {
            if (Interlocked.CompareExchange(ref inFlight, seen + 1, seen) == seen)
            {
                return true;
            }
        }

        return false;
    }

    private static async IAsyncEnumerable<ConversationImport> Stream(IEnumerable<ConversationImport> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
