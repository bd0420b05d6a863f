using System.Diagnostics;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>One client's timed calls of one workload in one process.</summary>
/// <param name="Calls">Calls timed.</param>
/// <param name="Units">Calls, events or streams handled (<see cref="Workload.UnitsPerCall"/> per call).</param>
/// <param name="ElapsedSeconds">Wall-clock time of the timed calls.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by the client's process, all threads, during the calls.</param>
/// <param name="CpuMicros">CPU time of the client's process, all threads, during the calls.</param>
/// <param name="P50Micros">The median of <see cref="Workload.Latency"/>.</param>
/// <param name="P90Micros">Its 90th percentile.</param>
/// <param name="ConnectionsOpened">Connections the server accepted during the calls.</param>
internal sealed record Measurement(int Calls, long Units, double ElapsedSeconds, long AllocatedBytes, double CpuMicros, double P50Micros, double P90Micros, long ConnectionsOpened)
{
    public double UnitsPerSecond => Units / ElapsedSeconds;

    public double AllocatedPerUnit => (double)AllocatedBytes / Units;

    public double CpuMicrosPerUnit => CpuMicros / Units;

    public double CpuMicrosPerCall => CpuMicros / Calls;

    /// <summary>The measurement of <paramref name="calls"/> calls whose latencies, in <see cref="Stopwatch"/> ticks, are <paramref name="latencies"/>.</summary>
    public static Measurement Of(int calls, long units, TimeSpan elapsed, long allocated, TimeSpan cpu, long[] latencies, long connections)
    {
        Array.Sort(latencies);
        return new(calls, units, elapsed.TotalSeconds, allocated, cpu.TotalMicroseconds, Percentile(latencies, 0.50), Percentile(latencies, 0.90), connections);
    }

    private static double Percentile(long[] sorted, double percentile)
        => sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)] * 1e6 / Stopwatch.Frequency;
}
