using System.Diagnostics;
using System.Globalization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Keeps the latest call latencies of one benchmark. BenchmarkDotNet's statistics are per batch,
/// not per call, so percentiles of single calls are taken here and handed to
/// <see cref="LatencyColumn"/> through a file, since the benchmark runs in a process of its own.
/// The buffer keeps only the newest calls, which are the measured iterations that come last.
/// </summary>
internal sealed class LatencyRecorder(string benchmark, int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private long _count;

    /// <summary>Records a call from <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp taken before it began) to its end.</summary>
    public async Task Time(long started, Task call)
    {
        await call;
        var slot = (Interlocked.Increment(ref _count) - 1) % _ticks.Length;
        _ticks[slot] = Stopwatch.GetTimestamp() - started;
    }

    /// <summary>Writes p50 and p99 in microseconds for the column to read.</summary>
    public void Publish()
    {
        var count = (int)Math.Min(Interlocked.Read(ref _count), _ticks.Length);
        if (count == 0)
        {
            return;
        }

        var sorted = _ticks[..count];
        Array.Sort(sorted);
        File.WriteAllText(LatencyColumn.FileFor(benchmark), string.Join(' ', Micros(sorted, 0.50), Micros(sorted, 0.99)));
    }

    private static string Micros(long[] sorted, double percentile)
        => (sorted[(int)Math.Ceiling(percentile * sorted.Length) - 1] * 1e6 / Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture);
}
