using BenchmarkDotNet.Attributes;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Time to first event: a stream of one text event and the end event, read to its end so the
/// connection goes back to the pool. What remains is the fixed cost of opening a stream.
/// </summary>
public class StreamFirstEventBenchmarks
{
    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private MemOSClient _sdk = null!;
    private Uri _chatUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chatUri = new Uri(BenchServer.FirstEventRoot, "chat");
        _floorHttp = Clients.Bare();
        _floor = new FloorClient(_floorHttp);
        _sdk = Clients.Sdk(BenchServer.FirstEventRoot);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _floorHttp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Floor() => _floor.CountEventsAsync(_chatUri, Bodies.ChatStreamRequestBytes);

    [Benchmark]
    public Task<int> Sdk() => StreamCount.Of(_sdk);
}
