using System.Globalization;
using System.Net;
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

    private readonly HttpClient _http;
    private readonly HttpClient? _ownedHttp;
    private readonly Uri _baseUri;
    private readonly TimeSpan _timeout;

    /// <param name="http">The client to send with.</param>
    /// <param name="ownsHttp">Whether <paramref name="http"/> was built by the SDK for this client alone (it is then given the base address and disposed with the transport).</param>
    /// <param name="settings">Where and how to send.</param>
    public MemOSTransport(HttpClient http, bool ownsHttp, TransportSettings settings)
    {
        _baseUri = TransportSettings.BaseAddress(settings.BaseUri);
        if (ownsHttp)
        {
            http.BaseAddress = _baseUri;
            _http = _ownedHttp = http;
        }
        else if (http.BaseAddress == _baseUri)
        {
            // Already aimed at this API (the DI registration configures its client so): sent with directly.
            _http = http;
        }
        else
        {
            // Refit resolves routes against HttpClient.BaseAddress, and a caller's client is never changed:
            // an SDK-owned client carrying the base address forwards every request to it.
            _http = _ownedHttp = new HttpClient(new ForwardingHandler(http), disposeHandler: true) { BaseAddress = _baseUri, Timeout = Timeout.InfiniteTimeSpan };
        }

        Headers = RequestHeaders(settings.Authorization);
        Redactor = new SecretRedactor(settings.Secret);
        _timeout = settings.Timeout;
        StreamIdleTimeout = settings.StreamIdleTimeout;
        MaxStreamEventBytes = settings.MaxStreamEventBytes;
    }

    /// <summary>The client the Refit interfaces send with; its base address is <see cref="BaseUri"/>.</summary>
    public HttpClient HttpClient => _http;

    /// <summary>The headers every request carries besides <c>Accept</c>: authorization (when a key is set) and the SDK's User-Agent.</summary>
    public IDictionary<string, string> Headers { get; }

    public Uri BaseUri => _baseUri;

    public SecretRedactor Redactor { get; }

    public TimeSpan StreamIdleTimeout { get; }

    public int MaxStreamEventBytes { get; }

    /// <summary>
    /// Sends one call and returns the envelope's data, or throws the mapped exception. With
    /// <paramref name="bareInfo"/>, a body without an envelope code is read as the data itself
    /// (rerank documents such a body); with <paramref name="codeOptional"/>, the envelope's data is
    /// taken even without a code (the self-hosted chat/complete).
    /// </summary>
    /// <param name="route">The route sent to, one of <see cref="Api.Routes"/>.</param>
    /// <param name="send">Sends the request through a Refit interface, with the call's telemetry and timeout token.</param>
    /// <param name="envelopeInfo">How to read the answer.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="bareInfo">How to read an answer without an envelope, where the route documents one.</param>
    /// <param name="codeOptional">Whether the envelope may lack a code on success.</param>
    /// <param name="requestModel">The model a chat asks for, for its span; never pass request text.</param>
    public async Task<TData?> SendAsync<TData>(string route, Func<OperationTelemetry, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, CancellationToken cancellationToken, JsonTypeInfo<TData>? bareInfo = null, bool codeOptional = false, string? requestModel = null)
    {
        var operation = MemOSOperation.For(route);
        using var telemetry = OperationTelemetry.Start(operation, _baseUri, requestModel);
        try
        {
            return await SendCoreAsync(operation, send, envelopeInfo, bareInfo, telemetry, codeOptional, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception);
            throw;
        }
    }

    private async Task<TData?> SendCoreAsync<TData>(MemOSOperation operation, Func<OperationTelemetry, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, JsonTypeInfo<TData>? bareInfo, OperationTelemetry telemetry, bool codeOptional, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await send(telemetry, timeout.Token).ConfigureAwait(false);
            return await ReadEnvelopeAsync(operation.Name, response, envelopeInfo, timeout.Token, bareInfo, codeOptional, telemetry).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            throw ForOperation(MapTransportFailure(operation.Name, exception, cancellationToken), operation);
        }
        catch (MemOSException exception)
        {
            exception.EarlierAttemptMayHaveApplied = telemetry.EarlierAttemptMayHaveApplied;
            ForOperation(exception, operation);
            throw;
        }
    }

    /// <summary>
    /// Sends a request asking for an event stream and returns the response as soon as its
    /// headers arrive. HTTP errors are thrown here; the caller owns the returned response, and
    /// ends <paramref name="telemetry"/> when the stream ends.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(MemOSOperation operation, Func<OperationTelemetry, CancellationToken, Task<HttpResponseMessage>> send, OperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await send(telemetry, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadHttpErrorAsync(operation.Name, response, timeout.Token).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            response?.Dispose();
            throw ForOperation(MapTransportFailure(operation.Name, exception, cancellationToken), operation);
        }
        catch (MemOSException exception)
        {
            response?.Dispose();
            ForOperation(exception, operation);
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
    public async Task<TData?> ReadJsonAnswerAsync<TData>(MemOSOperation operation, HttpResponseMessage response, JsonTypeInfo<MemOSEnvelope<TData>> envelopeInfo, OperationTelemetry telemetry, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            return await ReadEnvelopeAsync(operation.Name, response, envelopeInfo, timeout.Token, telemetry: telemetry).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            throw ForOperation(MapTransportFailure(operation.Name, exception, cancellationToken), operation);
        }
        catch (MemOSException exception)
        {
            ForOperation(exception, operation);
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

        return envelope.Data;
    }

    public void Dispose() => _ownedHttp?.Dispose();

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
    internal static Exception ForOperation(Exception exception, MemOSOperation operation)
        => exception is MemOSException failure && operation.IsWrite ? failure.ForWrite() : exception;

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

    private static Dictionary<string, string> RequestHeaders(string? authorization)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = UserAgent.Value };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        return headers;
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(_timeout);
        return source;
    }
}
