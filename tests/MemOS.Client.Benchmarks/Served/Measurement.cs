using System.Diagnostics;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>One client's timed calls of one workload in one round.</summary>
/// <param name="Calls">Calls timed.</param>
/// <param name="Units">Calls, events or streams handled (<see cref="Workload.UnitsPerCall"/> per call).</param>
/// <param name="Elapsed">Wall-clock time of the timed calls.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by this process, all threads, during the calls.</param>
/// <param name="Cpu">CPU time of this process, all threads, during the calls.</param>
/// <param name="Latencies">Each call's <see cref="Workload.Latency"/>, in <see cref="Stopwatch"/> ticks, sorted.</param>
/// <param name="ConnectionsOpened">Connections the server accepted during the calls.</param>
internal sealed record Measurement(int Calls, long Units, TimeSpan Elapsed, long AllocatedBytes, TimeSpan Cpu, long[] Latencies, long ConnectionsOpened)
{
    public double UnitsPerSecond => Units / Elapsed.TotalSeconds;

    public double AllocatedPerUnit => (double)AllocatedBytes / Units;

    public double CpuMicrosPerUnit => Cpu.TotalMicroseconds / Units;

    public double P50Micros => Percentile(0.50);

    public double P90Micros => Percentile(0.90);

    private double Percentile(double percentile)
        => Latencies[Math.Max(0, (int)Math.Ceiling(percentile * Latencies.Length) - 1)] * 1e6 / Stopwatch.Frequency;
}
