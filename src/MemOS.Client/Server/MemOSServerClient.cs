using MemOS.Client.Answers;
using MemOS.Client.Api;
using MemOS.Client.Errors;
using MemOS.Client.Serialization;
using MemOS.Client.Chat;
using MemOS.Client.Streaming;
using MemOS.Client.Telemetry;
using MemOS.Client.Transport;

namespace MemOS.Client.Server;

/// <summary>
/// The client of a self-hosted MemOS server. Create one per server and share it: it is
/// thread-safe and holds a connection pool. With dependency injection, use
/// <c>services.AddMemOSServerClient(...)</c> and take <see cref="IMemOSServerClient"/> instead.
/// </summary>
public sealed class MemOSServerClient : IMemOSServerClient, IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions RequestOptions
        = RequestJson.For(ServerJsonContext.Default);

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
    /// it infinite (or long) for streamed chats; the SDK enforces <see cref="MemOSServerClientOptions.Timeout"/>
    /// itself.
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
            nameof(MemOSServerClient),
            TimeProvider: options.TimeProvider,
            CaptureContent: ContentCapture.IsOn(options.CaptureMessageContent)));
        _api = ApiFactory.Create<IMemOSServerApi>(_transport.HttpClient, RequestOptions);
    }

    /// <summary>The server root this client calls.</summary>
    public Uri BaseUrl => _transport.BaseUri;

    /// <summary>
    /// Asks the server's <c>GET /health</c>, for <see cref="HealthChecks.MemOSServerHealthCheck"/>: returns when it
    /// answers with success, throws the exception its answer means otherwise (a refused key, a
    /// rate limit, a failure), or <see cref="HttpRequestException"/> when it cannot be reached.
    /// </summary>
    internal async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        _transport.ThrowIfDisposed();
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        using var response = await _transport.HttpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The resilience handler put its call on the request; without a handler, one is made here.
            var call = MemOSCall.Of(request)
                       ?? new MemOSCall(
                           RouteFacts.Unknown("health"),
                           null,
                           Timeout.InfiniteTimeSpan,
                           _transport.Redactor,
                           TimeProvider.System);
            var verdict = await ResponseClassifier.ClassifyAsync(response, call, cancellationToken)
                .ConfigureAwait(false);
            throw MemOSErrorFactory.FromVerdict("health", verdict, _transport.Redactor);
        }
    }

    /// <inheritdoc />
    /// <remarks>The server ends its stream by closing the connection, with no end event.</remarks>
    public IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(
        ServerChatRequest request,
        CancellationToken cancellationToken = default)
        => ChatStreamReader.Read(
            _transport, _api, ServerCalls.ChatStream, request, requireEndMarker: false, cancellationToken);

    /// <inheritdoc />
    public Task<ServerChatCompleteResult> ChatCompleteAsync(
        ServerChatRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.ChatComplete, request, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> AddMemoryAsync(
        ServerAddMemoryRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.AddMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> SearchMemoryAsync(
        ServerSearchMemoryRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.SearchMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> GetMemoryAsync(
        ServerGetMemoryRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.GetMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.GetMemoryById, memoryId, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> DeleteMemoryAsync(
        ServerDeleteMemoryRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.DeleteMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<ServerResult> AddFeedbackAsync(
        ServerFeedbackRequest request,
        CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, ServerCalls.AddFeedback, request, cancellationToken);

    /// <summary>
    /// Releases the connection pool, when this client created it. Later calls throw <see
    /// cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Sends the next calls with a rotated API key (dependency injection calls it when configuration reloads).
    /// </summary>
    internal void UseApiKey(string? apiKey)
        => _transport.UseCredentials(TransportSettings.AuthorizationFor(apiKey, "Bearer"), apiKey);
}
