using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using MemOS.Client.Testing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace MemOS.Client.Redis.Tests;

/// <summary>
/// The budget against a real redis-server, with budgets built on separate connections as separate
/// processes would have: one bucket per API key, a pause one instance hears stopping the others,
/// resuming one permit at a time, and the local share when Redis is gone.
/// </summary>
[Collection(SharedRedisGroup.Name)]
public sealed class RedisRateBudgetTests(SharedRedis redis)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_wait_one_instance_hears_pauses_another_through_redis()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        await using var otherConnection = await redis.Server.ConnectAsync();
        using var hearing = Budget(redis.Connection, emulator.ApiKey, permitsPerSecond: 100);
        using var other = Budget(otherConnection, emulator.ApiKey, permitsPerSecond: 100);
        using var first = Client(emulator, hearing);
        using var second = Client(emulator, other, TimeSpan.FromSeconds(3));
        await second.SearchMemoryAsync("u", "before").WaitAsync(Bound);
        emulator.InjectFault("search/memory", EmulatorFault.HttpError(429, TimeSpan.FromSeconds(60)));

        var heard = () => first.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        (await heard.Should().ThrowAsync<MemOSRateLimitException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));

        // The pause is written without waiting for Redis's answer; the other instance's next request
        // is taken once it has landed, as it would be a moment later in another process.
        await PauseLandedAsync(emulator.ApiKey).WaitAsync(Bound);

        // The other instance shares nothing with the first but Redis: its next permit is a minute away,
        // beyond its call's 3 s timeout, so the request is never sent.
        var paused = () => second.SearchMemoryAsync("u", "q").WaitAsync(Bound);
        await paused.Should().ThrowAsync<MemOSTimeoutException>();
        other.IsShared.Should().BeTrue();
    }

    [Fact]
    public async Task A_permit_one_instance_takes_is_gone_for_another_of_the_same_key_only()
    {
        var apiKey = SharedRedis.NewApiKey();
        await using var otherConnection = await redis.Server.ConnectAsync();
        using var one = Budget(redis.Connection, apiKey, permitsPerSecond: 0.5);
        using var another = Budget(otherConnection, apiKey, permitsPerSecond: 0.5);
        using var otherKey = Budget(otherConnection, SharedRedis.NewApiKey(), permitsPerSecond: 0.5);

        using var taken = one.AttemptAcquire();
        using var refused = another.AttemptAcquire();
        using var elsewhere = otherKey.AttemptAcquire();

        taken.IsAcquired.Should().BeTrue();
        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2), "the next permit comes one interval (2 s) after the one taken");
        elsewhere.IsAcquired.Should().BeTrue("another API key has a budget of its own");
    }

    [Fact]
    public async Task After_a_pause_permits_resume_one_interval_apart_not_in_a_burst()
    {
        var apiKey = SharedRedis.NewApiKey();
        // A slow answer from Redis must not send a reservation to the local fallback, which keeps time of its own.
        using var budget = Budget(redis.Connection, apiKey, permitsPerSecond: 1, burst: 5, maxWait: TimeSpan.FromMinutes(2), coordinatorTimeout: TimeSpan.FromSeconds(20));

        // Each wait is counted from the moment Redis reserved it, somewhere between the call and its
        // return, so each permit's time is known within that span on one clock started at the pause.
        var sincePause = System.Diagnostics.Stopwatch.StartNew();
        budget.Pause(TimeSpan.FromSeconds(30));
        var earliest = new List<TimeSpan>();
        var latest = new List<TimeSpan>();
        var firstReturned = TimeSpan.Zero;
        for (var i = 0; i < 6; i++)
        {
            var called = sincePause.Elapsed;
            var (lease, wait) = await budget.Reserve(1, TimeSpan.FromMinutes(2), CancellationToken.None);
            var returned = sincePause.Elapsed;
            lease.IsAcquired.Should().BeTrue();
            earliest.Add(called + wait);
            latest.Add(returned + wait);
            firstReturned = i == 0 ? returned : firstReturned;
        }

        // The pause runs 30 s from when it reached Redis: after the call, before the first reservation returned.
        latest[0].Should().BeGreaterThan(TimeSpan.FromSeconds(29.9));
        earliest[0].Should().BeLessThan(firstReturned + TimeSpan.FromSeconds(30.1));

        // A burst would hand out the 5 permits saved up during the pause at once; they come one a second.
        (earliest[5] - latest[0]).Should().BeGreaterThan(TimeSpan.FromSeconds(2.5), "the burst saved up during the pause is not given");
    }

    [Fact]
    public async Task Redis_holds_only_hashed_keys_that_expire()
    {
        var apiKey = SharedRedis.NewApiKey();
        using var budget = Budget(redis.Connection, apiKey, permitsPerSecond: 50);
        using (budget.AttemptAcquire())
        {
        }

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: "memos:rate:*"))
        {
            keys.Add(key);
        }

        keys.Should().NotBeEmpty();
        var secret = apiKey[4..];
        keys.Select(k => k.ToString()).Should().OnlyContain(k => !k.Contains(secret, StringComparison.Ordinal));
        foreach (var key in keys)
        {
            (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key)).Should().NotBeNull($"{key} must expire on its own");
        }
    }

    [Fact]
    public async Task Without_redis_calls_go_on_on_the_local_share_said_once_in_the_log_and_the_metric()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        var log = new CapturingLogger();
        using var loggerFactory = log.Factory();
        using var budget = new RedisRateBudget(connection, emulator.ApiKey, new RedisRateBudgetOptions { PermitsPerSecond = 200, Burst = 5 }, loggerFactory);
        using var client = Client(emulator, budget);
        long lost = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MemOS.Client" && instrument.Name == "memos.client.rate_budget.coordinator_lost")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref lost, value));
        listener.Start();
        await client.SearchMemoryAsync("u", "shared").WaitAsync(Bound);
        budget.IsShared.Should().BeTrue();

        await server.DisposeAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.SearchMemoryAsync("u", "local " + i).WaitAsync(Bound);
        }

        budget.IsShared.Should().BeFalse();
        log.Lines.Where(l => l.Level == LogLevel.Warning).Should().ContainSingle()
            .Which.Message.Should().Contain("Redis is unavailable").And.NotContain(emulator.ApiKey).And.NotContain(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Interlocked.Read(ref lost).Should().Be(1);
    }

    [Fact]
    public async Task A_redis_that_never_answered_leaves_the_client_working()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        int port;
        await using (var gone = await RedisServer.StartAsync())
        {
            port = gone.Port;
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=500");
        using var budget = Budget(connection, emulator.ApiKey, permitsPerSecond: 100);
        using var client = Client(emulator, budget);

        await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);

        budget.IsShared.Should().BeFalse();
    }

    private async Task PauseLandedAsync(string apiKey)
    {
        var bucket = new global::MemOS.Client.Redis.Budget.BudgetKeys(apiKey).Bucket;
        while (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(bucket) is not { } ttl || ttl < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }
    }

    private static RedisRateBudget Budget(IConnectionMultiplexer connection, string apiKey, double permitsPerSecond, int burst = 1, TimeSpan? maxWait = null, TimeSpan? coordinatorTimeout = null)
        => new(connection, apiKey, new RedisRateBudgetOptions { PermitsPerSecond = permitsPerSecond, Burst = burst, MaxWait = maxWait ?? TimeSpan.FromMinutes(1), CoordinatorTimeout = coordinatorTimeout ?? new RedisRateBudgetOptions().CoordinatorTimeout });

    private static MemOSClient Client(MemOSEmulator emulator, RateLimiter budget, TimeSpan? timeout = null)
    {
        var options = emulator.CreateOptions();
        options.RateLimiter = budget;
        options.Retry.MaxRetries = 0;
        options.Timeout = timeout ?? TimeSpan.FromSeconds(15);
        return new MemOSClient(options);
    }
}
