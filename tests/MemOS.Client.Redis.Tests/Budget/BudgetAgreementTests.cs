using MemOS.Client.Redis.Budget;
using StackExchange.Redis;

namespace MemOS.Client.Redis.Tests.Budget;

/// <summary>
/// The budget's arithmetic lives twice: in the Lua scripts Redis runs and in <see cref="RateSchedule"/>,
/// the fallback when Redis cannot answer. Both are run here on the same seeded sequences of
/// reservations and pauses, at the same instants, and must give the same answers. Only the
/// scripts' clock is swapped: Redis's <c>TIME</c> for the instant the test passes, and the key's
/// expiry (real milliseconds) pushed out of the way, so that both sides see the same time.
/// </summary>
[Collection(SharedRedisGroup.Name)]
public sealed class BudgetAgreementTests(SharedRedis redis)
{
    // Both sides round differently (Lua stores whole microseconds, C# ticks of 100 ns): at most 2 µs a step (and Redis returns a wait cut to whole microseconds).
    private const double ToleranceMicrosecondsPerStep = 2;
    private const int Steps = 60;

    private static readonly string Reserve = AtTestClock(BudgetScripts.Reserve, nowArgument: 6);
    private static readonly string Pause = AtTestClock(BudgetScripts.Pause, nowArgument: 4);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task The_Lua_budget_and_its_CSharp_fallback_agree_on_every_step(int seed)
    {
        var random = new Random(seed);
        var permitsPerSecond = new[] { 0.5, 1, 3, 10, 40, 250 }[random.Next(6)];
        var burst = 1 + random.Next(10);
        var interval = 1_000_000 / permitsPerSecond;
        var clock = new ManualClock(1_700_000_000_000_000 + random.Next(1_000_000));
        var schedule = new RateSchedule(clock);
        // A connection of its own with a patient timeout: this test compares arithmetic, and the shared
        // connection's one-second limit (there for the outage tests) fails it on a loaded machine.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{redis.Server.Port},syncTimeout=30000,asyncTimeout=30000");
        var database = connection.GetDatabase();
        RedisKey[] keys = [$"agreement:{Guid.NewGuid():N}:bucket", $"agreement:{Guid.NewGuid():N}:instances"];

        for (var step = 0; step < Steps; step++)
        {
            // Calls bunched together, spread out, and now and then after a long quiet spell.
            clock.Microseconds += random.Next(4) switch { 0 => 0, 1 => random.Next(1_000), 2 => (long)(random.NextDouble() * 3 * interval), _ => random.Next(5_000_000) };
            var tolerance = ToleranceMicrosecondsPerStep * (step + 1);
            if (random.Next(5) == 0)
            {
                var pause = TimeSpan.FromMicroseconds(random.Next(3_000_000));
                schedule.Pause(pause, permitsPerSecond, burst);
                await database.ScriptEvaluateAsync(Pause, [keys[0]], [(long)pause.TotalMicroseconds, interval, burst, clock.Microseconds]);
                continue;
            }

            var permits = 1 + random.Next(3);
            var maxWait = TimeSpan.FromMicroseconds(random.Next(4) == 0 ? 0 : random.Next(4_000_000));
            var reserved = schedule.TryReserve(permits, permitsPerSecond, burst, maxWait, out var wait);
            var lua = (RedisResult[])(await database.ScriptEvaluateAsync(Reserve, keys, [interval, burst, permits, (long)maxWait.TotalMicroseconds, "test", clock.Microseconds]))!;

            var what = $"seed {seed}, step {step}: {permits} permit(s) at {permitsPerSecond}/s, burst {burst}, waiting at most {maxWait.TotalMicroseconds} µs";
            ((int)lua[0] == 1).Should().Be(reserved, what);
            ((double)(long)lua[1]).Should().BeApproximately(wait.TotalMicroseconds, tolerance, what);
        }
    }

    // The scripts read Redis's TIME; here they read the instant the test passes as their last argument.
    private static string AtTestClock(string script, int nowArgument)
    {
        var swapped = script
            .Replace("local clock = redis.call('TIME')", $"local clock = {{ math.floor(tonumber(ARGV[{nowArgument}]) / 1000000), tonumber(ARGV[{nowArgument}]) % 1000000 }}", StringComparison.Ordinal)
            .Replace("/ 1000) + 1000)", "/ 1000) + 3600000)", StringComparison.Ordinal);
        swapped.Should().NotContain("TIME").And.Contain("3600000");
        return swapped;
    }

    /// <summary>A clock that stands still until the test moves it, in microseconds.</summary>
    private sealed class ManualClock(long microseconds) : TimeProvider
    {
        public long Microseconds { get; set; } = microseconds;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => Microseconds;
    }
}
