using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// The calls of <see cref="CallBenchmarks"/> with the network taken out (<see cref="FixedAnswerHandler"/>):
/// what is left is the client-side CPU time of each, which the loopback's noise hides.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallCpuBenchmarks
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;
    private static readonly Uri Root = new("http://127.0.0.1/api/openmem/v1/");
    private static readonly Uri SearchUri = new(Root, "search/memory");
    private static readonly Uri AddUri = new(Root, "add/message");

    private HttpClient _floorHttp = null!;
    private FloorClient _floor = null!;
    private HttpClient _resilientHttp = null!;
    private MemOSClient _sdk = null!;
    private HttpClient _bareHttp = null!;
    private MemOSClient _sdkWithoutResilience = null!;

    [GlobalSetup]
    public void Setup()
    {
        _floorHttp = new HttpClient(new FixedAnswerHandler());
        _floor = new FloorClient(_floorHttp);
        _resilientHttp = new HttpClient(new MemOSResilienceHandler(new MemOSRetryOptions()) { InnerHandler = new FixedAnswerHandler() });
        _sdk = Clients.Sdk(_resilientHttp, Root);
        _bareHttp = new HttpClient(new FixedAnswerHandler());
        _sdkWithoutResilience = Clients.Sdk(_bareHttp, Root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _sdkWithoutResilience.Dispose();
        _resilientHttp.Dispose();
        _bareHttp.Dispose();
        _floorHttp.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchFloor() => _floor.PostAsync(SearchUri, Bodies.SearchRequestBytes, Json.MemOSEnvelopeSearchMemoryResult);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdk() => _sdk.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdkWithoutResilience() => _sdkWithoutResilience.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark(Baseline = true), BenchmarkCategory("add")]
    public Task<AddMessageResult> AddFloor() => _floor.PostAsync(AddUri, Bodies.AddRequestBytes, Json.MemOSEnvelopeAddMessageResult);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdk() => _sdk.AddMessageAsync(Bodies.AddRequest);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdkWithoutResilience() => _sdkWithoutResilience.AddMessageAsync(Bodies.AddRequest);
}
