namespace MemOS.Client.Redis.Budget;

/// <summary>
/// The token bucket in its scheduling form (GCRA), in this process: each permit is given a start
/// time one interval after the previous, and a request may start that early by at most the burst.
/// The Redis script runs the same arithmetic on one shared clock; this copy is the fallback.
/// </summary>
internal sealed class RateSchedule(TimeProvider time)
{
    private readonly object _gate = new();

    // When the bucket would be full again, in ticks of the TimeProvider's clock.
    private long _full;

    /// <summary>
    /// Reserves permits and says how long to wait before using them; false, reserving nothing, when that wait would
    /// exceed <paramref name="maxWait"/>.
    /// </summary>
    public bool TryReserve(int permits, double permitsPerSecond, int burst, TimeSpan maxWait, out TimeSpan wait)
    {
        var frequency = time.TimestampFrequency;
        var interval = frequency / permitsPerSecond;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var full = Math.Max(_full, now) + (long)(permits * interval);
            var start = full - (long)(burst * interval);
            wait = TimeSpan.FromSeconds(Math.Max(0, start - now) / (double)frequency);
            if (wait > maxWait)
            {
                return false;
            }

            _full = full;
            return true;
        }
    }

    /// <summary>
    /// No permit starts before <paramref name="pause"/> from now; then one per interval, without the saved-up burst.
    /// </summary>
    public void Pause(TimeSpan pause, double permitsPerSecond, int burst)
    {
        var frequency = time.TimestampFrequency;
        lock (_gate)
        {
            var resume = time.GetTimestamp() + (long)(pause.TotalSeconds * frequency);
            _full = Math.Max(_full, resume + (long)((burst - 1) * frequency / permitsPerSecond));
        }
    }
}
