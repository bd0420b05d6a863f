using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace MemOS.Client.Benchmarks;

/// <summary>The two modes: full (BenchmarkDotNet's default job) and quick (few, short iterations).</summary>
internal static class BenchConfig
{
    public static IConfig Create(bool quick)
    {
        // A few 100 ms iterations would end before tiered compilation has optimized the stream
        // loops (it waits 100 ms after the last new method), so quick mode promotes hot code at once.
        var job = quick
            ? Job.Default.WithId("Quick")
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithEnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0")
            : Job.Default.WithId("Full");
        return DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(ThroughputColumn.EventsPerSecond, ThroughputColumn.MegabytesPerSecond, ThroughputColumn.CallsPerSecond, LatencyColumn.P50, LatencyColumn.P99);
    }
}
