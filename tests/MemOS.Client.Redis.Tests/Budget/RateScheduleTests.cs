using MemOS.Client.Redis.Budget;

namespace MemOS.Client.Redis.Tests.Budget;

/// <summary>
/// <see cref="RateSchedule"/> (the budget's arithmetic in this process) as a table, on a clock that
/// moves only when told: at 10 permits a second with a burst of 3, each line is the time of a call
/// (ms), what it asks (r = reserve one, p = pause for the given ms, R = reserve one waiting at most
/// 50 ms) and the wait it is given (ms), or "refused".
/// </summary>
public sealed class RateScheduleTests
{
    [Theory]
    [InlineData("0 r 0; 0 r 0; 0 r 0; 0 r 100; 0 r 200")]
    [InlineData("0 r 0; 0 r 0; 0 r 0; 300 r 0; 300 r 0; 300 r 0; 300 r 100")]
    [InlineData("0 r 0; 0 r 0; 0 r 0; 0 R refused; 0 R refused; 50 R 50")]
    [InlineData("0 p 1000; 0 r 1000; 0 r 1100; 1000 r 200")]
    [InlineData("0 r 0; 0 r 0; 0 p 50; 0 r 50; 0 r 150")]
    [InlineData("0 r 0; 0 r 0; 0 r 0; 0 r 100; 0 r 200; 0 p 100; 0 r 300")]
    [InlineData("5000 r 0; 5000 p 0; 5000 r 0; 5000 r 100")]
    public void Each_call_waits_as_the_schedule_says(string calls)
    {
        var clock = new ManualClock();
        var schedule = new RateSchedule(clock);
        foreach (var call in calls.Split(';', StringSplitOptions.TrimEntries))
        {
            var parts = call.Split(' ');
            clock.Milliseconds = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            switch (parts[1])
            {
                case "p":
                    schedule.Pause(TimeSpan.FromMilliseconds(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)), permitsPerSecond: 10, burst: 3);
                    break;
                default:
                    var maxWait = parts[1] == "R" ? TimeSpan.FromMilliseconds(50) : TimeSpan.MaxValue;
                    var reserved = schedule.TryReserve(1, permitsPerSecond: 10, burst: 3, maxWait, out var wait);
                    var outcome = reserved ? wait.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "refused";
                    outcome.Should().Be(parts[2], call);
                    break;
            }
        }
    }

    /// <summary>A clock that stands still until the test moves it, in milliseconds.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Milliseconds { get; set; }

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Milliseconds;
    }
}
