using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// 64 searches in flight at once over loopback, each operation waiting for all 64. Throughput is
/// 64 / Mean; single-call latency percentiles come from <see cref="LatencyRecorder"/>.
/// </summary>
public class ConcurrencyBenchmarks
{
    public const int Concurrency = 64;

    // Enough for the last few hundred batches, which are the measured ones.
    private const int Kept = Concurrency * 256;

    private readonly LatencyRecorder _floorLatency = new(nameof(ConcurrentSearchFloor), Kept);
    private readonly LatencyRecorder _sdkLatency = new(nameof(ConcurrentSearchSdk), Kept);
    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private MemOSClient _sdk = null!;
    private Uri _searchUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        _searchUri = new Uri(BenchServer.ApiRoot, "search/memory");
        _floorHttp = Clients.Bare();
        _floor = new FloorClient(_floorHttp);
        _sdk = Clients.Sdk(BenchServer.ApiRoot);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floorLatency.Publish();
        _sdkLatency.Publish();
        _sdk.Dispose();
        _floorHttp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task ConcurrentSearchFloor()
    {
        var calls = new Task[Concurrency];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _floorLatency.Time(Stopwatch.GetTimestamp(), _floor.PostAsync(_searchUri, Bodies.SearchRequestBytes, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult));
        }

        return Task.WhenAll(calls);
    }

    [Benchmark]
    public Task ConcurrentSearchSdk()
    {
        var calls = new Task[Concurrency];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _sdkLatency.Time(Stopwatch.GetTimestamp(), _sdk.SearchMemoryAsync(Bodies.SearchRequest));
        }

        return Task.WhenAll(calls);
    }
}
