using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Serialization;
using MemOS.Client.Telemetry;

namespace MemOS.Client.Transport;

/// <summary>
/// Everything between a typed request and a typed result: serialization, the auth and
/// User-Agent headers, timeouts, envelope reading and the mapping of every failure to a
/// <see cref="MemOSException"/>. It knows no API area; endpoints hand it paths and type info.
/// </summary>
internal sealed class MemOSTransport : IDisposable
{
    private const string JsonMediaType = "application/json";
    private const string EventStreamMediaType = "text/event-stream";

    private static readonly string[] IdRoutes = ["get/memory/", "product/get_memory/"];

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseUri;
    private readonly string? _authorization;
    private readonly TimeSpan _timeout;
    private readonly string _userAgent;

    // The fixed routes (every JSON POST and stream) are resolved once: a Uri and an operation
    // built per call cost about 600 bytes. Paths carrying ids or queries are built per call,
    // so this holds only the client's few routes.
    private readonly ConcurrentDictionary<string, (Uri Uri, MemOSOperation Operation)> _routes = new(StringComparer.Ordinal);

    public MemOSTransport(HttpClient http, bool ownsHttp, TransportSettings settings)
    {
        _http = http;
        _ownsHttp = ownsHttp;
        var baseUrl = settings.BaseUri.AbsoluteUri;
        _baseUri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        _authorization = settings.Authorization;
        Redactor = new SecretRedactor(settings.Secret);
        _timeout = settings.Timeout;
        _userAgent = UserAgent.For(settings.UserAgentApplicationId);
        StreamIdleTimeout = settings.StreamIdleTimeout;
    }

    public Uri BaseUri => _baseUri;

    public SecretRedactor Redactor { get; }

    public TimeSpan StreamIdleTimeout { get; }

    /// <summary>POSTs a JSON body and returns the envelope's data, or throws the mapped exception.</summary>
    /// <remarks><paramref name="requestModel"/> is the model a chat asks for, for its span; never pass request text.</remarks>
    public Task<TData?> PostAsync<TRequest, TData>(string path, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, CancellationToken cancellationToken, string? requestModel = null)
        => SendAsync(HttpMethod.Post, path, JsonBody(body, requestInfo), envelopeInfo, bareInfo: null, cancellationToken, requestModel: requestModel);

    /// <summary>
    /// Like <see cref="PostAsync"/>, for an answer that may be <c>{message, data}</c> without a
    /// code (the self-hosted chat/complete, SPEC A.3). A code, when present, is still checked.
    /// </summary>
    public Task<TData?> PostWithOptionalCodeAsync<TRequest, TData>(string path, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, path, JsonBody(body, requestInfo), envelopeInfo, bareInfo: null, cancellationToken, codeOptional: true);

    /// <summary>
    /// Sends a request and returns the envelope's data. With <paramref name="bareInfo"/>, a body
    /// without an envelope code is read as the data itself (rerank documents such a body); with
    /// <paramref name="codeOptional"/>, the envelope's data is taken even without a code.
    /// </summary>
    public async Task<TData?> SendAsync<TData>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, JsonTypeInfo<TData>? bareInfo, CancellationToken cancellationToken, bool codeOptional = false, string? requestModel = null)
    {
        using var telemetry = OperationTelemetry.Start(OperationName(path), _baseUri, requestModel);
        try
        {
            return await SendCoreAsync(method, path, content, envelopeInfo, bareInfo, telemetry, codeOptional, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception);
            throw;
        }
    }

    private async Task<TData?> SendCoreAsync<TData>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, JsonTypeInfo<TData>? bareInfo, OperationTelemetry telemetry, bool codeOptional, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, path, content, JsonMediaType, telemetry);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            return await ReadEnvelopeAsync(OperationName(path), response, envelopeInfo, timeout.Token, bareInfo, codeOptional, telemetry).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            throw ForOperation(MapTransportFailure(OperationName(path), exception, cancellationToken), path);
        }
        catch (MemOSException exception)
        {
            exception.EarlierAttemptMayHaveApplied = telemetry.EarlierAttemptMayHaveApplied;
            ForOperation(exception, path);
            throw;
        }
    }

    /// <summary>
    /// POSTs a JSON body asking for an event stream and returns the response as soon as its
    /// headers arrive. HTTP errors are thrown here; the caller owns the returned response, and
    /// ends <paramref name="telemetry"/> when the stream ends.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync<TRequest>(string path, TRequest body, JsonTypeInfo<TRequest> requestInfo, OperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Post, path, JsonBody(body, requestInfo), EventStreamMediaType, telemetry);
        using var timeout = StartTimeout(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadHttpErrorAsync(path, response, timeout.Token).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            response?.Dispose();
            throw ForOperation(MapTransportFailure(path, exception, cancellationToken), path);
        }
        catch (MemOSException exception)
        {
            response?.Dispose();
            ForOperation(exception, path);
            throw;
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a JSON answer that came back to a stream request (an error envelope, or a service
    /// that ignored <c>stream</c>), under the call's timeout and with the usual failure mapping.
    /// </summary>
    public async Task<TData?> ReadJsonAnswerAsync<TData>(string path, HttpResponseMessage response, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, OperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            return await ReadEnvelopeAsync(path, response, envelopeInfo, timeout.Token, telemetry: telemetry).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            throw ForOperation(MapTransportFailure(path, exception, cancellationToken), path);
        }
        catch (MemOSException exception)
        {
            ForOperation(exception, path);
            throw;
        }
    }

    /// <summary>Reads a complete envelope answer: checks the status, media type, code and data-level outcome.</summary>
    public async Task<TData?> ReadEnvelopeAsync<TData>(string operation, HttpResponseMessage response, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, CancellationToken cancellationToken, JsonTypeInfo<TData>? bareInfo = null, bool codeOptional = false, OperationTelemetry? telemetry = null)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadHttpErrorAsync(operation, response, cancellationToken).ConfigureAwait(false);
        }

        var traceId = GetTraceId(response);
        var status = response.StatusCode;
        if (IsHtml(response))
        {
            throw MemOSErrorFactory.InvalidResponse(operation, "it is an HTML page, not JSON (a proxy or gateway answered instead of MemOS?)", status, traceId);
        }

        MemOSEnvelope<TData>? envelope;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (stream.CanSeek && stream.Length == 0)
            {
                throw MemOSErrorFactory.InvalidResponse(operation, "the body is empty", status, traceId);
            }

            envelope = await JsonSerializer.DeserializeAsync(stream, envelopeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw MemOSErrorFactory.InvalidResponse(operation, "the body is not valid JSON of the expected shape", status, traceId, exception);
        }

        if (envelope?.Code is not { } code)
        {
            if (envelope is not null && bareInfo is not null)
            {
                // A buffered body can be read again; this path is taken only by bodies without an envelope.
                return await ReadBareAsync(operation, response, bareInfo, cancellationToken).ConfigureAwait(false);
            }

            if (envelope is not null && codeOptional)
            {
                return envelope.Data;
            }

            throw MemOSErrorFactory.InvalidResponse(operation, "the body has no envelope code", status, traceId);
        }

        telemetry?.ResponseCode((int)code);
        if (!IsSuccessCode(code))
        {
            throw MemOSErrorFactory.FromCode(operation, (int)code, envelope.Message, status, traceId, RetryAfter.From(response.Headers, null, TimeProvider.System), Redactor);
        }

        if (envelope.Data is IOperationOutcome outcome && IsFailure(outcome))
        {
            var detail = $"the service answered code {code} but its data reports failure (success: {outcome.Success?.ToString() ?? "absent"}, status: {outcome.OutcomeStatus ?? "absent"})";
            throw MemOSErrorFactory.FailedOutcome(operation, detail, envelope.Message, status, traceId, Redactor);
        }

        telemetry?.Answered(envelope.Data);
        return envelope.Data;
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal static bool IsJson(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return mediaType is not null
               && (mediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
                   || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                   || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsHtml(HttpResponseMessage response)
        => response.Content.Headers.ContentType?.MediaType is { } mediaType
           && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    internal static string? GetTraceId(HttpResponseMessage response)
        => response.Headers.TryGetValues("traceid", out var values) ? values.FirstOrDefault() : null;

    /// <summary>A failed write says whether it may still have been applied; see <see cref="MemOSException.WriteMayHaveBeenApplied"/>.</summary>
    internal static Exception ForOperation(Exception exception, string path)
        => exception is MemOSException failure && MemOSOperation.For(OperationName(path)).IsWrite ? failure.ForWrite() : exception;

    internal static bool IsTransportFailure(Exception exception)
        => exception is OperationCanceledException or HttpRequestException or IOException;

    internal Exception MapTransportFailure(string operation, Exception exception, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            // The caller asked to stop: that is not a MemOS failure and must not look like a timeout.
            return exception as OperationCanceledException ?? new OperationCanceledException(callerToken);
        }

        return exception switch
        {
            OperationCanceledException => new MemOSTimeoutException(
                $"MemOS {operation} timed out after {FormatTimeout(_timeout)} (MemOSClientOptions.Timeout). The request may still have been processed.",
                exception)
            { IsTransient = true },
            HttpRequestException http => new MemOSConnectionException(
                $"MemOS {operation} could not complete the exchange with {_baseUri.Host}: {DescribeNetworkError(http)}",
                exception)
            { IsTransient = true },
            _ => new MemOSConnectionException(
                $"MemOS {operation} lost the connection to {_baseUri.Host} while reading the response.",
                exception)
            { IsTransient = true },
        };
    }

    private static string DescribeNetworkError(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved.",
        HttpRequestError.ConnectionError => "the connection could not be made.",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed.",
        HttpRequestError.ResponseEnded => "the connection closed before the response was complete.",
        HttpRequestError.InvalidResponse => "the response was not valid HTTP.",
        _ => exception.Message,
    };

    private static string FormatTimeout(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan ? "an infinite timeout (the HttpClient's own Timeout fired)" : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static bool IsSuccessCode(double code) => code is 0 or 200;

    private static bool IsFailure(IOperationOutcome outcome)
        => outcome.Success == false
           || outcome.OutcomeStatus is { } status
           && (status.Equals("error", StringComparison.OrdinalIgnoreCase) || status.Equals("failed", StringComparison.OrdinalIgnoreCase) || status.Equals("fail", StringComparison.OrdinalIgnoreCase));

    private async Task<MemOSException> ReadHttpErrorAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var traceId = GetTraceId(response);
        MemOSErrorBody? body = null;
        if (!IsHtml(response))
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                body = await JsonSerializer.DeserializeAsync(stream, MemOSJsonContext.Default.MemOSErrorBody, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not JSON: the HTTP status alone still says what failed.
            }
        }

        var retryAfter = RetryAfter.From(response.Headers, body?.RetryAfter, TimeProvider.System);
        var message = body?.Describe();
        return body?.Code is { } code && code >= 1000
            ? MemOSErrorFactory.FromCode(operation, (int)code, message, response.StatusCode, traceId, retryAfter, Redactor)
            : MemOSErrorFactory.FromHttpStatus(operation, response.StatusCode, message, traceId, retryAfter, Redactor);
    }

    // Serialized up front so the request has a Content-Length and can be sent again on retry.
    internal static ByteArrayContent JsonBody<TRequest>(TRequest body, JsonTypeInfo<TRequest> requestInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        return content;
    }

    // Paths may carry a query or an escaped id; the operation named in messages, logs and
    // telemetry is the route alone, so no id of the caller's ends up there.
    internal static string OperationName(string path)
    {
        var end = path.IndexOf('?', StringComparison.Ordinal);
        var route = end < 0 ? path : path[..end];
        foreach (var prefix in IdRoutes)
        {
            if (route.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix + "{id}";
            }
        }

        return route;
    }

    private static async Task<TData?> ReadBareAsync<TData>(string operation, HttpResponseMessage response, JsonTypeInfo<TData> bareInfo, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            return await JsonSerializer.DeserializeAsync(stream, bareInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw MemOSErrorFactory.InvalidResponse(operation, "the body is neither an envelope nor the documented bare answer", response.StatusCode, GetTraceId(response), exception);
        }
    }

    private static (Uri Uri, MemOSOperation Operation) Resolve(string path, Uri baseUri)
        => (new Uri(baseUri, path), MemOSOperation.For(OperationName(path)));

    private HttpRequestMessage CreateRequest(HttpMethod method, string path, HttpContent? content, string accept, OperationTelemetry telemetry)
    {
        // A fixed route (no id, no query) is resolved once; paths carrying ids are built per call,
        // so the cache never grows past the API's own routes.
        var (uri, operation) = OperationName(path) == path ? _routes.GetOrAdd(path, Resolve, _baseUri) : Resolve(path, _baseUri);
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Options.Set(MemOSOperation.Key, operation);
        request.Options.Set(OperationTelemetry.Key, telemetry);
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(_timeout);
        return source;
    }
}
