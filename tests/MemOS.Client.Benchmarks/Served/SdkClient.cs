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
    // One client per API root, as an application aims one client at one service.
    private readonly MemOSClient _sdk;
    private readonly MemOSClient _tinyEventsSdk;
    private readonly MemOSClient _firstEventSdk;
    private readonly List<IDisposable> _owned = [];

    private SdkClient(string key, string description, Func<Uri, MemOSClient> create, ServedRoots roots)
        : base(key, description)
    {
        _sdk = create(roots.Api);
        _tinyEventsSdk = create(roots.TinyEvents);
        _firstEventSdk = create(roots.FirstEvent);
    }

    /// <summary>(c): the SDK as users get it.</summary>
    public static SdkClient AsUsersGetIt(ServedRoots roots)
        => new("c", "MemOS.Client as users get it: new MemOSClient(options)", Clients.Sdk, roots);

    /// <summary>(d): the SDK over the application's own HttpClient, aimed at the API root.</summary>
    public static SdkClient OverPlainHttpClient(ServedRoots roots)
    {
        var owned = new List<IDisposable>();
        var client = new SdkClient("d", "MemOS.Client over a plain HttpClient (BaseAddress set): new MemOSClient(httpClient, options)", root =>
        {
            // What an application typically writes: default handler settings, its own timeout left infinite for streams as the SDK's docs ask.
            var http = new HttpClient { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan };
            owned.Add(http);
            return Clients.Sdk(http, root);
        }, roots);
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

    public override async Task<long> StreamAsync(ServedStream stream)
    {
        var text = new TextCount(this);
        await foreach (var item in (stream == ServedStream.TinyEvents ? _tinyEventsSdk : _sdk).ChatStreamAsync(Bodies.ChatRequest))
        {
            text.Add(item);
        }

        text.Check(stream.TextEvents, stream.TextChars);
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

        text.Check(1, ServedStream.FirstEvent.TextChars);
        return first;
    }

    public override void Dispose()
    {
        _sdk.Dispose();
        _tinyEventsSdk.Dispose();
        _firstEventSdk.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
