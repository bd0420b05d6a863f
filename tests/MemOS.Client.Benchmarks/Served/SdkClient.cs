using System.Diagnostics;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// The SDK, called as an application calls it: (c) <c>new MemOSClient(options)</c>, which owns its
/// connection pool and adds the resilience handler; (d) <c>new MemOSClient(httpClient, options)</c>
/// over a plain <see cref="HttpClient"/> the application made, with its <see cref="HttpClient.BaseAddress"/>
/// set to the API root as an application pointing a client at a service usually writes it.
/// </summary>
internal sealed class SdkClient : ServedClient
{
    private readonly MemOSClient _sdk;
    private readonly MemOSClient _firstEventSdk;
    private readonly List<IDisposable> _owned = [];

    private SdkClient(string key, string description, Func<Uri, MemOSClient> create, Uri apiRoot, Uri firstEventRoot)
        : base(key, description)
    {
        _sdk = create(apiRoot);
        _firstEventSdk = create(firstEventRoot);
    }

    /// <summary>(c): the SDK as users get it.</summary>
    public static SdkClient AsUsersGetIt(Uri apiRoot, Uri firstEventRoot)
        => new("c", "MemOS.Client as users get it: new MemOSClient(options)", Clients.Sdk, apiRoot, firstEventRoot);

    /// <summary>(d): the SDK over the application's own HttpClient, aimed at the API root.</summary>
    public static SdkClient OverPlainHttpClient(Uri apiRoot, Uri firstEventRoot)
    {
        var owned = new List<IDisposable>();
        var client = new SdkClient("d", "MemOS.Client over a plain HttpClient (BaseAddress set): new MemOSClient(httpClient, options)", root =>
        {
            // What an application typically writes: default handler settings, its own timeout left infinite for streams as the SDK's docs ask.
            var http = new HttpClient { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan };
            owned.Add(http);
            return Clients.Sdk(http, root);
        }, apiRoot, firstEventRoot);
        client._owned.AddRange(owned);
        return client;
    }

    public override async Task<long> SearchAsync()
    {
        var result = await _sdk.SearchMemoryAsync(Bodies.SearchRequest);
        return result.Memories.Count == ServedAnswers.SearchMemories ? Stopwatch.GetTimestamp() : throw Wrong("memories:", result.Memories.Count, ServedAnswers.SearchMemories);
    }

    public override async Task<long> AddAsync()
    {
        var result = await _sdk.AddMessageAsync(Bodies.AddRequest);
        return result.TaskId == ServedAnswers.AddTaskId ? Stopwatch.GetTimestamp() : throw Wrong("task id", result.TaskId, ServedAnswers.AddTaskId);
    }

    public override async Task<long> StreamAsync()
    {
        var text = new TextCount(this);
        await foreach (var item in _sdk.ChatStreamAsync(Bodies.ChatRequest))
        {
            text.Add(item);
        }

        text.Check(ServedAnswers.StreamTextEvents, ServedAnswers.LongStreamTextChars);
        return Stopwatch.GetTimestamp();
    }

    public override async Task<long> FirstEventAsync()
    {
        var text = new TextCount(this);
        long first = 0;
        await foreach (var item in _firstEventSdk.ChatStreamAsync(Bodies.ChatRequest))
        {
            first = first == 0 ? Stopwatch.GetTimestamp() : first;
            text.Add(item);
        }

        text.Check(1, ServedAnswers.TinyStreamTextChars);
        return first;
    }

    public override void Dispose()
    {
        _sdk.Dispose();
        _firstEventSdk.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
