namespace MemOS.Client.Benchmarks.Served;

/// <summary>One client's first searches in a fresh process, in microseconds: the median over the processes started.</summary>
/// <param name="Key">The client.</param>
/// <param name="Processes">Fresh processes the figures are the median of.</param>
/// <param name="RangeMedians">The median latency of each of <see cref="JitWarmUp.Ranges"/> (the first: the first call alone, loading, JIT compiling and connecting included).</param>
/// <param name="Steady">The median of the last quarter of the calls.</param>
/// <param name="CallsUntilSettled">Calls made before the latency stayed within 10% of <paramref name="Steady"/>.</param>
/// <param name="TimeUntilSettled">Those calls' time, together.</param>
internal sealed record JitWarmUpResult(string Key, int Processes, double[] RangeMedians, double Steady, double CallsUntilSettled, double TimeUntilSettled);
