namespace MemOS.Client.Benchmarks.Served;

/// <summary>One client's first searches in a fresh process, in microseconds.</summary>
/// <param name="Key">The client.</param>
/// <param name="First">The first call: loading, JIT compiling and connecting included.</param>
/// <param name="Second">The second call.</param>
/// <param name="FirstBlockMedian">The median of the first block of calls.</param>
/// <param name="Steady">The median of the last quarter of the calls.</param>
/// <param name="CallsUntilSettled">Calls made before the latency stayed within 10% of <paramref name="Steady"/>.</param>
/// <param name="TimeUntilSettled">Those calls' time, together.</param>
/// <param name="Calls">Calls timed.</param>
internal sealed record JitWarmUpResult(string Key, double First, double Second, double FirstBlockMedian, double Steady, int CallsUntilSettled, double TimeUntilSettled, int Calls);
