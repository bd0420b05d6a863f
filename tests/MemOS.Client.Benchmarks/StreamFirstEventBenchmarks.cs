namespace MemOS.Client.Benchmarks;

/// <summary>
/// Time to first event: a stream of one text event and the end event, read to its end so the
/// connection goes back to the pool. What remains is the fixed cost of opening a stream.
/// </summary>
public class StreamFirstEventBenchmarks : StreamBenchmarksBase
{
    protected override Uri Root => BenchServer.FirstEventRoot;
}
