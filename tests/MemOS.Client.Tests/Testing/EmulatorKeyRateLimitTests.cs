using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>The emulator's limit over all routes (<c>*</c>), as the service limits one API key.</summary>
public sealed class EmulatorKeyRateLimitTests
{
    [Fact]
    public async Task The_limit_of_all_routes_counts_every_route_in_one_window()
    {
        // A clock that never moves: every call falls in the same one-second window.
        await using var emulator = await MemOSEmulator.StartAsync(new StoppedClock());
        emulator.SetRateLimit("*", 2);
        var options = emulator.CreateOptions();
        options.Retry.MaxRetries = 0;
        using var client = new MemOSClient(options);

        await client.SearchMemoryAsync("u", "q");
        await client.AddMessageAsync("u", "c", [MemOSMessage.User("I choose 7 Days Inn.")]);
        var third = () => client.SearchMemoryAsync("u", "q");

        var limited = (await third.Should().ThrowAsync<MemOSRateLimitException>()).Which;
        limited.Code.Should().Be(40309);
        limited.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
    }

    private sealed class StoppedClock : TimeProvider
    {
        private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, 500, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
