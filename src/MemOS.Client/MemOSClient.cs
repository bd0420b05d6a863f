using MemOS.Client.Chat;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;
using MemOS.Client.Streaming;
using MemOS.Client.Transport;

namespace MemOS.Client;

/// <summary>
/// The MemOS cloud client. Create one per application and share it: it is thread-safe and
/// holds a connection pool. With dependency injection, use
/// <c>services.AddMemOSClient(...)</c> and take <see cref="IMemOSClient"/> instead.
/// </summary>
public sealed class MemOSClient : IMemOSClient, IDisposable
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;

    private readonly MemOSTransport _transport;
    private readonly bool _requireStreamEndMarker;

    /// <summary>Creates a client for the default (China) endpoint with an API key.</summary>
    /// <param name="apiKey">The project API key.</param>
    public MemOSClient(string apiKey)
        : this(new MemOSClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client that owns its connection pool.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSClient(MemOSClientOptions options)
        : this(CreateOwnedHttpClient(), ownsHttpClient: true, options)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller manages. The client never
    /// changes or disposes it. Its own <see cref="HttpClient.Timeout"/> still applies, so keep
    /// it infinite (or long) for streamed chats; the SDK enforces <see cref="MemOSClientOptions.Timeout"/> itself.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSClient(HttpClient httpClient, MemOSClientOptions options)
        : this(httpClient, ownsHttpClient: false, options)
    {
    }

    private MemOSClient(HttpClient httpClient, bool ownsHttpClient, MemOSClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
        }
        catch when (ownsHttpClient)
        {
            httpClient.Dispose();
            throw;
        }

        _transport = new MemOSTransport(httpClient, ownsHttpClient, new TransportSettings(
            options.ResolveBaseUrl(),
            TransportSettings.AuthorizationFor(options.ApiKey, "Token"),
            options.ApiKey,
            options.Timeout,
            options.StreamIdleTimeout));
        _requireStreamEndMarker = options.RequireStreamEndMarker;
    }

    /// <summary>The API root this client calls.</summary>
    public Uri BaseUrl => _transport.BaseUri;

    /// <summary>Creates a client from <c>MEMOS_API_KEY</c>, <c>MEMOS_BASE_URL</c> and <c>MEMOS_IS_GLOBAL</c>.</summary>
    /// <exception cref="ArgumentException">The variables are missing or invalid; the message lists why.</exception>
    public static MemOSClient FromEnvironment() => new(MemOSClientOptions.FromEnvironment());

    /// <inheritdoc />
    public async Task<AddMessageResult> AddMessageAsync(AddMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var result = await _transport.PostAsync("add/message", request, Json.AddMessageRequest, Json.MemOSEnvelopeAddMessageResult, cancellationToken).ConfigureAwait(false);
        return result ?? new AddMessageResult();
    }

    /// <inheritdoc />
    public async Task<SearchMemoryResult> SearchMemoryAsync(SearchMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var result = await _transport.PostAsync("search/memory", request, Json.SearchMemoryRequest, Json.MemOSEnvelopeSearchMemoryResult, cancellationToken).ConfigureAwait(false);
        return result ?? new SearchMemoryResult();
    }

    /// <inheritdoc />
    public async Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var result = await _transport.PostAsync("chat", request with { Stream = false }, Json.ChatRequest, Json.MemOSEnvelopeChatResult, cancellationToken).ConfigureAwait(false);
        return result ?? throw MemOSErrorFactory.InvalidResponse("chat", "the answer has no data", System.Net.HttpStatusCode.OK, traceId: null);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        // Checked here rather than inside the iterator so a bad request fails at the call site.
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return ChatStreamReader.ReadAsync(_transport, "chat", request with { Stream = true }, Json.ChatRequest, Json.MemOSEnvelopeChatResult, _requireStreamEndMarker, cancellationToken);
    }

    /// <summary>Releases the connection pool, when this client created it.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// The handler behind every client the SDK builds itself: connections are recycled so DNS
    /// changes are seen, and an abandoned stream closes its connection instead of draining it.
    /// </summary>
    internal static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        MaxResponseDrainSize = 0,
    };

    private static HttpClient CreateOwnedHttpClient()
        => new(CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
}
