namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Request limits per route, and for all routes together, in one-second windows on the emulator's clock, as the service
/// limits
/// throughput per time window and answers 40309 beyond it.
/// </summary>
internal sealed class EmulatorRateLimits
{
    private const string AllRoutes = "*";

    private readonly object _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void Set(string route, int requestsPerSecond)
    {
        lock (_gate)
        {
            _windows[route] = new Window { Limit = requestsPerSecond };
        }
    }

    /// <summary>
    /// Counts a call against the limit of all routes (<c>*</c>), then its route's; returns how long until the window
    /// ends when the call is over a limit, or null.
    /// </summary>
    public TimeSpan? Take(string route, DateTimeOffset now)
    {
        lock (_gate)
        {
            return Count(AllRoutes, now) ?? Count(route, now);
        }
    }

    // Under the gate.
    private TimeSpan? Count(string route, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(route, out var window))
        {
            return null;
        }

        var second = now.ToUnixTimeMilliseconds() / 1000;
        if (second != window.Second)
        {
            window.Second = second;
            window.Count = 0;
        }

        return ++window.Count <= window.Limit
            ? null
            : TimeSpan.FromMilliseconds(((second + 1) * 1000) - now.ToUnixTimeMilliseconds());
    }

    private sealed class Window
    {
        public required int Limit { get; init; }

        public long Second { get; set; }

        public int Count { get; set; }
    }
}
