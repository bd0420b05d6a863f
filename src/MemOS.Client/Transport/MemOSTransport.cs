using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Answers;
using MemOS.Client.Api;
using MemOS.Client.Errors;
using MemOS.Client.Telemetry;

namespace MemOS.Client.Transport;

/// <summary>
/// Sends: the client Refit sends with, the auth and User-Agent headers, the overall timeout, and
/// the one generic path every call takes. What an answer is, is the answer classifier's
/// (<c>Answers/</c>); what a failure becomes, <see cref="Rulebook"/>'s; which route is which,
/// <see cref="RouteTable"/>'s. It knows no API area.
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

    // The headers every request carries besides Accept: authorization (when a key is set) and the SDK's
    // User-Agent. Replaced whole, never changed in place: a call reads one consistent set, before or
    // after a rotation, so UseCredentials takes effect from the next call.
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
        CaptureContent = settings.CaptureContent;
    }

    /// <summary>The client the Refit interfaces send with; its base address is <see cref="BaseUri"/>.</summary>
    public HttpClient HttpClient => _http;

    public Uri BaseUri => _baseUri;

    public SecretRedactor Redactor => _redactor;

    public TimeSpan StreamIdleTimeout { get; }

    public int MaxStreamEventBytes { get; }

    /// <summary>Whether spans may carry request and answer text.</summary>
    public bool CaptureContent { get; }

    /// <summary>
    /// Sends one call of <paramref name="api"/> and returns its result, or throws the one exception
    /// <see cref="Rulebook"/> names. The request is checked before anything is sent; everything after
    /// sending (reading the data, building the result) runs inside the call, so a failure there is the
    /// call's failure, with what it means for a write.
    /// </summary>
    /// <param name="api">The Refit interface to send through.</param>
    /// <param name="call">The method, its route's facts and its result.</param>
    /// <param name="request">What to send.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="requestModel">The model a chat asks for, for its span; never pass request text.</param>
    public Task<TResult> SendAsync<TApi, TRequest, TData, TResult>(TApi api, ApiCall<TApi, TRequest, TData, TResult> call, TRequest request, CancellationToken cancellationToken, string? requestModel = null)
    {
        ThrowIfDisposed();
        call.Check(request);
        return SendCheckedAsync(api, call, request, requestModel, cancellationToken);
    }

    private async Task<TResult> SendCheckedAsync<TApi, TRequest, TData, TResult>(TApi api, ApiCall<TApi, TRequest, TData, TResult> call, TRequest request, string? requestModel, CancellationToken cancellationToken)
    {
        var route = call.Route;
        using var telemetry = OperationTelemetry.Start(route.Name, route.GenAIOperation, _baseUri, requestModel, request, CaptureContent);
        var memosCall = new MemOSCall(route, telemetry, _timeout, call.Data);
        using var timeout = CallTimeout.Start(_timeout, cancellationToken);
        try
        {
            using var response = await call.Send(api, request, _headers, memosCall, timeout.Token).ConfigureAwait(false);
            var verdict = Judged(await ResponseClassifier.ClassifyAsync(response, TimeProvider.System, timeout.Token).ConfigureAwait(false), memosCall);
            var data = verdict.Kind switch
            {
                VerdictKind.Success => EnvelopeReader.ReadData(verdict, route, call.Data, Redactor),
                VerdictKind.Accepted => default,
                _ => throw MemOSErrorFactory.InvalidResponse(route.Name, "it is an event stream, not JSON", verdict.Status, verdict.TraceId),
            };

            var result = (data is null && route.DataRequired ? default : call.Finish(data, request))
                         ?? throw MemOSErrorFactory.InvalidResponse(route.Name, "the answer has no data", verdict.Status, Redactor.Redact(verdict.TraceId));
            telemetry.Answered(result);
            Captured(memosCall, verdict);
            return result;
        }
        catch (Exception exception)
        {
            var failure = Fail(memosCall, exception, cancellationToken);
            if (failure is MemOSException memos && Rulebook.MeansDone(route, memos) && call.Finish(default, request) is { } done)
            {
                return done;
            }

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

    /// <summary>A call of <paramref name="route"/>, bounded by this client's overall timeout.</summary>
    /// <param name="route">What the call is.</param>
    /// <param name="telemetry">Its span and measurements.</param>
    /// <param name="dataInfo">The type of its answer's data, read with the envelope; null when the caller reads it.</param>
    public MemOSCall NewCall(RouteFacts route, OperationTelemetry telemetry, JsonTypeInfo? dataInfo = null) => new(route, telemetry, _timeout, dataInfo);

    /// <summary>
    /// Sends a request asking for an event stream and returns the response once its headers have
    /// been judged: an event stream, or a JSON answer (an error envelope is thrown here). The caller
    /// owns the returned response, and ends the call's telemetry when the stream ends.
    /// </summary>
    public async Task<(HttpResponseMessage Response, ResponseVerdict Verdict)> OpenStreamAsync<TApi, TRequest>(TApi api, ApiStream<TApi, TRequest> stream, TRequest request, MemOSCall call, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var timeout = CallTimeout.Start(_timeout, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await stream.Send(api, request, _headers, call, timeout.Token).ConfigureAwait(false);
            var verdict = Judged(await ResponseClassifier.ClassifyAsync(response, TimeProvider.System, timeout.Token).ConfigureAwait(false), call);
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

    /// <summary>The one exception a failed call ends in, as <see cref="Rulebook"/> names it.</summary>
    public Exception Fail(MemOSCall call, Exception exception, CancellationToken callerToken)
        => Rulebook.ExceptionFor(exception, new FailureContext(call.Route, _baseUri.Host, _timeout, _supplied.Timeout, call.Telemetry.EarlierAttemptMayHaveApplied, callerToken));

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

    // The verdict the resilience handler reached, or one reached here when no handler ran; a failure is thrown.
    private ResponseVerdict Judged(ResponseVerdict verdict, MemOSCall call)
    {
        if (verdict.Code is { } code)
        {
            call.Telemetry.ResponseCode(code);
        }

        return verdict.Kind == VerdictKind.Failure ? throw MemOSErrorFactory.FromVerdict(call.Route.Name, verdict, Redactor) : verdict;
    }

    // A successful answer's status and trace id, for a MemOSResponseCapture open around the call.
    private void Captured(MemOSCall call, ResponseVerdict verdict)
    {
        if (MemOSResponseCapture.IsCapturing)
        {
            MemOSResponseCapture.Record(new MemOSResponseInfo(call.Route.Name, verdict.Status, verdict.Code, Redactor.Redact(verdict.TraceId)));
        }
    }

    private static Dictionary<string, string> RequestHeaders(string? authorization, string userAgent)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = userAgent };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        return headers;
    }
}
