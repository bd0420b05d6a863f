namespace MemOS.Client.Benchmarks;

/// <summary>The recorded stream of 10,000 events over loopback, read to its end.</summary>
public class StreamLoopbackBenchmarks : StreamBenchmarksBase
{
    protected override Uri Root => BenchServer.ApiRoot;
}
