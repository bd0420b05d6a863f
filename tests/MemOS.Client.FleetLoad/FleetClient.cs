using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Redis;
using StackExchange.Redis;

namespace MemOS.Client.FleetLoad;

/// <summary>
/// One client process: once warmed up it says <c>ready</c> and reads the agreed start (Unix ms) from
/// its input; from then on its workers alternate a search and an add/message (the
/// write an import makes) as fast as the client lets them, until the agreed end; then it prints its report.
/// </summary>
internal static class FleetClient
{
    public static async Task<int> RunAsync(ClientSettings settings)
    {
        var counters = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MemOS.Client" && instrument is Counter<long>)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counters.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        var options = new MemOSClientOptions { ApiKey = settings.ApiKey, BaseUrl = settings.BaseUrl };
        ConnectionMultiplexer? redis = null;
        if (settings.RedisPort is { } port)
        {
            redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000");
            options.RateLimiter = new RedisRateBudget(redis, settings.ApiKey, new RedisRateBudgetOptions { PermitsPerSecond = settings.PermitsPerSecond, Burst = settings.Burst });
        }

        using var client = new MemOSClient(options);

        // One call before the start, so that loading and compiling the call path is not measured.
        await client.SearchMemoryAsync("fleet-user", "warm up");
        Console.WriteLine("ready");
        var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Console.ReadLine() ?? throw new InvalidOperationException("No start was given."), System.Globalization.CultureInfo.InvariantCulture));
        var end = start + settings.Duration;
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        int calls = 0, succeeded = 0, inWindow = 0;
        var wait = start - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; DateTimeOffset.UtcNow < end; i++)
            {
                var started = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref calls);
                try
                {
                    if (i % 2 == 0)
                    {
                        await client.SearchMemoryAsync("fleet-user", "which hotel did I choose");
                    }
                    else
                    {
                        await client.AddMessageAsync("fleet-user", $"c-{Environment.ProcessId}-{worker}", [MemOSMessage.User("I choose 7 Days Inn.")]);
                    }

                    Interlocked.Increment(ref succeeded);
                    if (DateTimeOffset.UtcNow <= end)
                    {
                        Interlocked.Increment(ref inWindow);
                    }
                }
                catch (MemOSException exception)
                {
                    failures.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var report = new ClientReport(
            calls,
            succeeded,
            inWindow,
            new Dictionary<string, int>(failures),
            counters.GetValueOrDefault("memos.client.retries"),
            counters.GetValueOrDefault("memos.client.rate_limits"),
            counters.GetValueOrDefault("memos.client.rate_budget.coordinator_lost"),
            [.. latencies]);
        Console.WriteLine(JsonSerializer.Serialize(report));
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        return 0;
    }
}
