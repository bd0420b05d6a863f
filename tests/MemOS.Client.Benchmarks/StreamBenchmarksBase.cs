using BenchmarkDotNet.Attributes;

namespace MemOS.Client.Benchmarks;

/// <summary>A chat stream over loopback, read to its end: the floor's SSE strings against the SDK's typed events.</summary>
public abstract class StreamBenchmarksBase
{
    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private MemOSClient _sdk = null!;
    private Uri _chatUri = null!;

    /// <summary>The API root whose chat route streams what the subclass measures.</summary>
    protected abstract Uri Root { get; }

    [GlobalSetup]
    public void Setup()
    {
        _chatUri = new Uri(Root, "chat");
        _floorHttp = Clients.Bare();
        _floor = new FloorClient(_floorHttp);
        _sdk = Clients.Sdk(Root);
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
