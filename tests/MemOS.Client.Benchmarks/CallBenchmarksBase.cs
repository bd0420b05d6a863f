using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// A search and an add through three clients over the same handler settings: the floor as
/// baseline, the SDK as users get it, and the SDK without the resilience handler. Subclasses
/// choose what answers: the network, or memory.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class CallBenchmarksBase
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;

    private readonly List<IDisposable> _owned = [];
    private FloorClient _floor = null!;
    private MemOSClient _sdk = null!;
    private MemOSClient _sdkWithoutResilience = null!;
    private Uri _searchUri = null!;
    private Uri _addUri = null!;

    /// <summary>The API root the clients call.</summary>
    protected abstract Uri Root { get; }

    [GlobalSetup]
    public void Setup()
    {
        _searchUri = new Uri(Root, "search/memory");
        _addUri = new Uri(Root, "add/message");
        _floor = new FloorClient(Own(CreateHttpClient()));
        _sdk = Own(CreateSdk());
        _sdkWithoutResilience = Own(Clients.Sdk(Own(CreateHttpClient()), Root));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Clients before the HttpClients they send with.
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchFloor() => _floor.PostAsync(_searchUri, Bodies.SearchRequestBytes, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdk() => _sdk.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark, BenchmarkCategory("search")]
    public Task<SearchMemoryResult> SearchSdkWithoutResilience() => _sdkWithoutResilience.SearchMemoryAsync(Bodies.SearchRequest);

    [Benchmark(Baseline = true), BenchmarkCategory("add")]
    public Task<AddMessageResult> AddFloor() => _floor.PostAsync(_addUri, Bodies.AddRequestBytes, FloorJsonContext.Default.FloorEnvelopeAddMessageResult);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdk() => _sdk.AddMessageAsync(Bodies.AddRequest);

    [Benchmark, BenchmarkCategory("add")]
    public Task<AddMessageResult> AddSdkWithoutResilience() => _sdkWithoutResilience.AddMessageAsync(Bodies.AddRequest);

    /// <summary>A bare HttpClient over what answers, for the floor and the SDK without resilience.</summary>
    protected abstract HttpClient CreateHttpClient();

    /// <summary>The SDK with its resilience handler.</summary>
    protected abstract MemOSClient CreateSdk();

    /// <summary>Disposes <paramref name="disposable"/> at cleanup, in reverse order of creation.</summary>
    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
