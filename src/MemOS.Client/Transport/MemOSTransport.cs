using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Telemetry;

namespace MemOS.Client.Transport;

/// <summary>
/// Everything between a Refit call and a typed result: the client Refit sends with, the auth and
/// User-Agent headers, the overall timeout, reading the data out of a classified answer, and the
/// mapping of every failure to a <see cref="MemOSException"/>. It knows no API area.
/// </summary>
internal sealed class MemOSTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClient _supplied;
    private readonly HttpClient? _ownedHttp;
    private readonly Uri _baseUri;
    private readonly TimeSpan _timeout;
    private readonly string _userAgent;
    private readonly string _clientName;

    // Replaced whole, never changed in place: a call reads one consistent set, before or after a rotation.
    private volatile Dictionary<string, string> _headers;
    private volatile SecretRedactor _redactor;
    private volatile bool _disposed;

    /// <param name="http">The client to send with.</param>
    /// <param name="ownsHttp">Whether <paramref name="http"/> was built by the SDK for this client alone (it is then given the base address and disposed with the transport).</param>
    /// <param name="settings">Where and how to send.</param>
    public MemOSTransport(HttpClient http, bool ownsHttp, TransportSettings settings)
    {
        _baseUri = TransportSettings.BaseAddress(settings.BaseUri);
        _supplied = http;
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

        _userAgent = UserAgent.For(settings.UserAgentApplicationId);
        _clientName = settings.ClientName;
        _headers = RequestHeaders(settings.Authorization, _userAgent);
        _redactor = new SecretRedactor(settings.Secret);
        _timeout = settings.Timeout;
        StreamIdleTimeout = settings.StreamIdleTimeout;
        MaxStreamEventBytes = settings.MaxStreamEventBytes;
    }

    /// <summary>The client the Refit interfaces send with; its base address is <see cref="BaseUri"/>.</summary>
    public HttpClient HttpClient => _http;

    /// <summary>The headers every request carries besides <c>Accept</c>: authorization (when a key is set) and the SDK's User-Agent.</summary>
    /// <remarks>Refit reads it once per call, so <see cref="UseCredentials"/> takes effect from the next call.</remarks>
    public IDictionary<string, string> Headers => _headers;

    public Uri BaseUri => _baseUri;

    public SecretRedactor Redactor => _redactor;

    public TimeSpan StreamIdleTimeout { get; }

    public int MaxStreamEventBytes { get; }

    /// <summary>
    /// Sends one call and returns the answer's data, or throws the mapped exception. With
    /// <paramref name="bareInfo"/>, a body without an envelope code is read as the data itself
    /// (rerank documents such a body); with <paramref name="codeOptional"/>, the envelope's data is
    /// taken even without a code (the self-hosted chat/complete).
    /// </summary>
    /// <param name="route">The route sent to, one of <see cref="Api.Routes"/>.</param>
    /// <param name="send">Sends the request through a Refit interface, with the call and its timeout token.</param>
    /// <param name="dataInfo">How to read the answer's data.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="bareInfo">How to read an answer without an envelope, where the route documents one.</param>
    /// <param name="codeOptional">Whether the envelope may lack a code on success.</param>
    /// <param name="requestModel">The model a chat asks for, for its span; never pass request text.</param>
    /// <param name="dataRequired">Whether an answer without data is unreadable: failed here, as every other bad answer is, rather than returned as null.</param>
    /// <returns>The data; null when the answer has none (or an async write was accepted with an empty body) and <paramref name="dataRequired"/> is false.</returns>
    public async Task<TData?> SendAsync<TData>(string route, Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<TData> dataInfo, CancellationToken cancellationToken, JsonTypeInfo<TData>? bareInfo = null, bool codeOptional = false, string? requestModel = null, bool dataRequired = false)
    {
        ThrowIfDisposed();
        var operation = MemOSOperation.For(route);
        using var telemetry = OperationTelemetry.Start(operation, _baseUri, requestModel);
        var call = NewCall(operation, telemetry, dataInfo);
        using var timeout = StartTimeout(cancellationToken);
        try
        {
            using var response = await send(call, timeout.Token).ConfigureAwait(false);
            var verdict = await ClassifyAsync(response, call, timeout.Token).ConfigureAwait(false);
            var data = verdict.Kind switch
            {
                VerdictKind.Success => ReadData(operation, verdict, dataInfo, bareInfo, codeOptional),
                VerdictKind.Accepted => default,
                _ => throw MemOSErrorFactory.InvalidResponse(operation.Name, "it is an event stream, not JSON", verdict.Status, verdict.TraceId),
            };
            if (dataRequired && data is null)
            {
                throw MemOSErrorFactory.InvalidResponse(operation.Name, "the answer has no data", verdict.Status, Redactor.Redact(verdict.TraceId));
            }

            telemetry.Answered(data);
            Captured(call, verdict);
            return data;
        }
        catch (Exception exception)
        {
            var failure = Fail(call, exception, cancellationToken);
            telemetry.Failed(failure);
            throw failure == exception ? exception : failure;
        }
    }

    /// <summary>
    /// Sends later calls with another key (a rotated one from reloaded configuration). Calls in flight
    /// keep the headers they started with; the old key stays redacted from their errors.
    /// </summary>
    /// <param name="authorization">The whole new <c>Authorization</c> value, or null to send none.</param>
    /// <param name="secret">The new key, to redact.</param>
    public void UseCredentials(string? authorization, string? secret)
    {
        _redactor = _redactor.Rotated(secret);
        _headers = RequestHeaders(authorization, _userAgent);
    }

    /// <summary>A call of <paramref name="operation"/>, bounded by this client's overall timeout.</summary>
    /// <param name="operation">What the call is.</param>
    /// <param name="telemetry">Its span and measurements.</param>
    /// <param name="dataInfo">The type of its answer's data, read with the envelope; null when the caller reads it.</param>
    public MemOSCall NewCall(MemOSOperation operation, OperationTelemetry telemetry, JsonTypeInfo? dataInfo = null) => new(operation, telemetry, _timeout, dataInfo);

    /// <summary>
    /// Sends a request asking for an event stream and returns the response once its headers have
    /// been judged: an event stream, or a JSON answer (an error envelope is thrown here). The caller
    /// owns the returned response, and ends the call's telemetry when the stream ends.
    /// </summary>
    public async Task<(HttpResponseMessage Response, ResponseVerdict Verdict)> OpenStreamAsync(MemOSCall call, Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var timeout = StartTimeout(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await send(call, timeout.Token).ConfigureAwait(false);
            var verdict = await ClassifyAsync(response, call, timeout.Token).ConfigureAwait(false);
            Captured(call, verdict);
            return (response, verdict);
        }
        catch (Exception exception)
        {
            response?.Dispose();
            var failure = Fail(call, exception, cancellationToken);
            throw failure == exception ? exception : failure;
        }
    }

    /// <summary>Reads the data of a success verdict: the envelope's <c>data</c> slice, or a bare body where allowed.</summary>
    public TData? ReadData<TData>(MemOSOperation operation, ResponseVerdict verdict, JsonTypeInfo<TData> dataInfo, JsonTypeInfo<TData>? bareInfo = null, bool codeOptional = false)
    {
        try
        {
            if (verdict.Code is null)
            {
                if (bareInfo is not null)
                {
                    return JsonSerializer.Deserialize(verdict.Body.Span, bareInfo);
                }

                if (!codeOptional)
                {
                    throw MemOSErrorFactory.InvalidResponse(operation.Name, "the body has no envelope code", verdict.Status, verdict.TraceId);
                }
            }

            var data = ReadEnvelopeData(verdict, dataInfo);
            if (data is IOperationOutcome outcome && IsFailure(outcome))
            {
                var detail = $"the service answered code {verdict.Code} but its data reports failure (success: {outcome.Success?.ToString() ?? "absent"}, status: {outcome.OutcomeStatus ?? "absent"})";
                throw MemOSErrorFactory.FailedOutcome(operation.Name, detail, verdict.ServerMessage, verdict.Status, verdict.TraceId, Redactor);
            }

            return data;
        }
        catch (JsonException exception)
        {
            throw MemOSErrorFactory.InvalidResponse(operation.Name, "the body is not valid JSON of the expected shape", verdict.Status, verdict.TraceId, exception);
        }
    }

    // Read with the envelope when the call named this type (the usual case); else from the data's bytes.
    private static TData? ReadEnvelopeData<TData>(ResponseVerdict verdict, JsonTypeInfo<TData> dataInfo)
    {
        if (verdict.DataRead is { } read && ReferenceEquals(read.Info, dataInfo))
        {
            return read.Error is { } error ? throw error : read.Value is TData value ? value : default;
        }

        var (offset, length) = verdict.Data.GetOffsetAndLength(verdict.Body.Length);
        return length == 0 ? default : JsonSerializer.Deserialize(verdict.Body.Span.Slice(offset, length), dataInfo);
    }

    /// <summary>The one exception a failed call ends in: a failed write says whether it may still have been applied.</summary>
    public Exception Fail(MemOSCall call, Exception exception, CancellationToken callerToken)
    {
        var failure = IsTransportFailure(exception) ? MapTransportFailure(call.Operation.Name, exception, callerToken) : exception;
        if (failure is MemOSException memos)
        {
            memos.EarlierAttemptMayHaveApplied = call.Telemetry.EarlierAttemptMayHaveApplied;
            if (call.Operation.IsWrite)
            {
                memos.ForWrite();
            }
        }

        return failure;
    }

    public void Dispose()
    {
        _disposed = true;
        _ownedHttp?.Dispose();
    }

    /// <summary>Names the SDK's client, not the HttpClient inside it, and also when the HttpClient is the caller's.</summary>
    public void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(_clientName, $"This {_clientName} was disposed; create a new one, or let dependency injection own its lifetime.");
        }
    }

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
            // HttpClient reports its own Timeout as a cancellation whose cause is a TimeoutException.
            OperationCanceledException { InnerException: TimeoutException } => new MemOSTimeoutException(
                $"MemOS {operation} timed out after {FormatTimeout(_supplied.Timeout)}: the Timeout of the HttpClient given to the MemOS client fired (set it to Timeout.InfiniteTimeSpan to leave the limits to MemOSClientOptions.Timeout). The request may still have been processed.",
                exception)
            { IsTransient = true },
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

    // The verdict the resilience handler reached, or one reached here when no handler ran; a failure is thrown.
    private async Task<ResponseVerdict> ClassifyAsync(HttpResponseMessage response, MemOSCall call, CancellationToken cancellationToken)
    {
        var verdict = await ResponseClassifier.ClassifyAsync(response, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (verdict.Code is { } code)
        {
            call.Telemetry.ResponseCode(code);
        }

        return verdict.Kind == VerdictKind.Failure ? throw MemOSErrorFactory.FromVerdict(call.Operation.Name, verdict, Redactor) : verdict;
    }

    // A successful answer's status and trace id, for a MemOSResponseCapture open around the call.
    private void Captured(MemOSCall call, ResponseVerdict verdict)
    {
        if (MemOSResponseCapture.IsCapturing)
        {
            MemOSResponseCapture.Record(new MemOSResponseInfo(call.Operation.Name, verdict.Status, verdict.Code, Redactor.Redact(verdict.TraceId)));
        }
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
        => timeout == Timeout.InfiniteTimeSpan ? "an infinite timeout" : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static bool IsFailure(IOperationOutcome outcome)
        => outcome.Success == false
           || outcome.OutcomeStatus is { } status
           && (status.Equals("error", StringComparison.OrdinalIgnoreCase) || status.Equals("failed", StringComparison.OrdinalIgnoreCase) || status.Equals("fail", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> RequestHeaders(string? authorization, string userAgent)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = userAgent };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        return headers;
    }

    private CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        // Linked only when the caller can cancel: a link to a token that never fires costs a registration for nothing.
        var source = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        source.CancelAfter(_timeout);
        return source;
    }
}
