using MemOS.Client.Api;
using MemOS.Client.Serialization;
using MemOS.Client.Chat;
using MemOS.Client.Streaming;
using MemOS.Client.Transport;

namespace MemOS.Client.Server;

/// <summary>
/// The client of a self-hosted MemOS server. Create one per server and share it: it is
/// thread-safe and holds a connection pool. With dependency injection, use
/// <c>services.AddMemOSServerClient(...)</c> and take <see cref="IMemOSServerClient"/> instead.
/// </summary>
public sealed class MemOSServerClient : IMemOSServerClient, IDisposable
{
    private static readonly ServerJsonContext Json = ServerJsonContext.Default;
    private static readonly System.Text.Json.JsonSerializerOptions RequestOptions = RequestJson.For(Json);

    private readonly MemOSTransport _transport;
    private readonly IMemOSServerApi _api;

    /// <summary>Creates a client that owns its connection pool.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSServerClient(MemOSServerClientOptions options)
        : this(OwnedHttpClient.Create(options), ownsHttpClient: true, options)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller manages. The client never
    /// changes or disposes it. Its own <see cref="HttpClient.Timeout"/> still applies, so keep
    /// it infinite (or long) for streamed chats; the SDK enforces <see cref="MemOSServerClientOptions.Timeout"/> itself.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSServerClient(HttpClient httpClient, MemOSServerClientOptions options)
        : this(httpClient, ownsHttpClient: false, options)
    {
    }

    private MemOSServerClient(HttpClient httpClient, bool ownsHttpClient, MemOSServerClientOptions options)
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
            options.BaseUrl!,
            TransportSettings.AuthorizationFor(options.ApiKey, "Bearer"),
            options.ApiKey,
            options.Timeout,
            options.StreamIdleTimeout,
            options.MaxStreamEventBytes,
            nameof(MemOSServerClient)));
        _api = ApiFactory.Create<IMemOSServerApi>(_transport, RequestOptions);
    }

    /// <summary>The server root this client calls.</summary>
    public Uri BaseUrl => _transport.BaseUri;

    /// <inheritdoc />
    public IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(ServerChatRequest request, CancellationToken cancellationToken = default)
    {
        // Checked here rather than inside the iterator so a bad request fails at the call site.
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        // The server ends its stream by closing the connection, with no end event (SPEC A.2).
        return ChatStreamReader.ReadAsync(_transport, Routes.ServerChatStream, (call, token) => _api.ChatStreamAsync(request, _transport.Headers, call, token), jsonAnswerInfo: null, requireEndMarker: false, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ServerChatCompleteResult> ChatCompleteAsync(ServerChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        // The success answer is {message, data} with no code (SPEC A.3).
        return (await _transport.SendAsync(Routes.ServerChatComplete, (call, token) => _api.ChatCompleteAsync(request, _transport.Headers, call, token), Json.ServerChatCompleteResult, cancellationToken, codeOptional: true, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<ServerResult> AddMemoryAsync(ServerAddMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return SendAsync(Routes.ServerAdd, (call, token) => _api.AddMemoryAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServerResult> SearchMemoryAsync(ServerSearchMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return SendAsync(Routes.ServerSearch, (call, token) => _api.SearchMemoryAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServerResult> GetMemoryAsync(ServerGetMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return SendAsync(Routes.ServerGetMemory, (call, token) => _api.GetMemoryAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ServerResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(memoryId, "memory_id");

        return await SendAsync(Routes.ServerGetMemoryById, (call, token) => _api.GetMemoryByIdAsync(memoryId, _transport.Headers, call, token), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ServerResult> DeleteMemoryAsync(ServerDeleteMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return SendAsync(Routes.ServerDeleteMemory, (call, token) => _api.DeleteMemoryAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ServerResult> AddFeedbackAsync(ServerFeedbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return SendAsync(Routes.ServerFeedback, (call, token) => _api.AddFeedbackAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <summary>Releases the connection pool, when this client created it. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>Sends the next calls with a rotated API key (dependency injection calls it when configuration reloads).</summary>
    internal void UseApiKey(string? apiKey) => _transport.UseCredentials(TransportSettings.AuthorizationFor(apiKey, "Bearer"), apiKey);

    private async Task<ServerResult> SendAsync(string route, Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var data = await _transport.SendAsync(route, send, Json.JsonElement, cancellationToken).ConfigureAwait(false);
        return new ServerResult { Data = data };
    }
}
