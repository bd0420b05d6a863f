using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>One call over loopback: the SDK against the floor, each in its own category with the floor as baseline.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallBenchmarks
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;

    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private MemOSClient _sdk = null!;
    private HttpClient _bareHttp = null!;
    private MemOSClient _sdkWithoutResilience = null!;
    private Uri _searchUri = null!;
    private Uri _addUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = BenchServer.ApiRoot;
        _searchUri = new Uri(root, "search/memory");
        _addUri = new Uri(root, "add/message");
        _floorHttp = Clients.Bare();
        _floor = new FloorClient(_floorHttp);
        _sdk = Clients.Sdk(root);
        _bareHttp = Clients.Bare();
        _sdkWithoutResilience = Clients.Sdk(_bareHttp, root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _bareHttp.Dispose();
        _floorHttp.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchFloor() => _floor.PostAsync(_searchUri, Bodies.SearchRequestBytes, Json.MemOSEnvelopeSearchMemoryResult);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdk() => _sdk.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdkWithoutResilience() => _sdkWithoutResilience.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark(Baseline = true), BenchmarkCategory("add")]
    public Task<AddMessageResult> AddFloor() => _floor.PostAsync(_addUri, Bodies.AddRequestBytes, Json.MemOSEnvelopeAddMessageResult);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdk() => _sdk.AddMessageAsync(Bodies.AddRequest);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdkWithoutResilience() => _sdkWithoutResilience.AddMessageAsync(Bodies.AddRequest);
}
