using System.Runtime.CompilerServices;
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
/// the rows' (<see cref="CloudCalls"/>, <see cref="ServerCalls"/>). It knows no API area.
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
    private readonly TimeProvider _time;

    // The headers every request carries besides Accept: authorization (when a key is set) and the SDK's
    // User-Agent. Replaced whole, never changed in place: a call reads one consistent set, before or
    // after a rotation, so UseCredentials takes effect from the next call.
    private volatile Dictionary<string, string> _headers;
    private volatile SecretRedactor _redactor;
    private volatile bool _disposed;

    /// <param name="http">The client to send with.</param>
    /// <param name="ownsHttp">Whether <paramref name="http"/> was built by the SDK for this client alone (it is then
    /// given the base address and disposed with the transport).</param>
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
            _http = _ownedHttp = new HttpClient(new ForwardingHandler(http), disposeHandler: true)
            {
                BaseAddress = _baseUri,
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        _userAgent = UserAgent.For(settings.UserAgentApplicationId);
        _clientName = settings.ClientName;
        _headers = RequestHeaders(settings.Authorization, _userAgent);
        _redactor = new SecretRedactor(settings.Secret);
        _timeout = settings.Timeout;
        _time = settings.TimeProvider ?? TimeProvider.System;
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
    public Task<TResult> SendAsync<TApi, TRequest, TData, TResult>(
        TApi api,
        ApiCall<TApi, TRequest, TData, TResult> call,
        TRequest request,
        CancellationToken cancellationToken,
        string? requestModel = null)
    {
        ThrowIfDisposed();
        call.Check(request);
        return SendCheckedAsync(api, call, request, requestModel, cancellationToken);
    }

    private async Task<TResult> SendCheckedAsync<TApi, TRequest, TData, TResult>(
        TApi api,
        ApiCall<TApi, TRequest, TData, TResult> apiCall,
        TRequest request,
        string? requestModel,
        CancellationToken cancellationToken)
    {
        var route = apiCall.Route;
        using var telemetry = OperationTelemetry.Start(
            route.Name,
            route.GenAIOperation,
            _baseUri,
            requestModel,
            request,
            CaptureContent);
        var call = NewCall(route, telemetry, apiCall.Data);
        try
        {
            var (response, verdict) = await ExchangeAsync(api, apiCall.Send, request, call, cancellationToken)
                .ConfigureAwait(false);
            using (response)
            {
                // The classifier read the data with the envelope, and only a readable answer is a success.
                var data = verdict.Kind switch
                {
                    VerdictKind.Success => verdict.Data is TData value ? value : default,
                    VerdictKind.Accepted => default,
                    _ => throw MemOSErrorFactory.InvalidResponse(
                        route.Name, "it is an event stream, not JSON", verdict.Status, verdict.TraceId),
                };

                var result = apiCall.Finish(data, request)
                             ?? throw MemOSErrorFactory.InvalidResponse(
                                 route.Name, "the answer has no data", verdict.Status, verdict.TraceId);
                telemetry.Answered(result);
                Captured(call, verdict);
                return result;
            }
        }
        catch (Exception exception)
        {
            var failure = Fail(call, exception, cancellationToken);
            if (failure is MemOSException memos
                && Rulebook.MeansDone(route, memos)
                && apiCall.Finish(default, request) is { } done)
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
    /// <param name="dataInfo">The type of its answer's data, read with the envelope; null when the caller reads
    /// it.</param>
    public MemOSCall NewCall(RouteFacts route, OperationTelemetry telemetry, JsonTypeInfo? dataInfo = null)
        => new(route, telemetry, _timeout, _redactor, _time, dataInfo);

    /// <summary>
    /// The one send every call and stream takes: the request sent under the call's overall timeout and
    /// its answer judged (by the resilience handler, or here when none ran). Returns the response, which
    /// the caller owns, with its verdict: a success, an accepted write or an event stream; a failed
    /// answer is thrown as its exception, to be named by <see cref="Fail"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(HttpResponseMessage Response, ResponseVerdict Verdict)> ExchangeAsync<TApi, TRequest>(
        TApi api,
        ApiSender<TApi, TRequest> send,
        TRequest request,
        MemOSCall call,
        CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        using var timeout = CallTimeout.Start(_timeout, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await send(api, request, _headers, call, timeout.Token).ConfigureAwait(false);
            var verdict = await ResponseClassifier.ClassifyAsync(response, call, timeout.Token).ConfigureAwait(false);
            if (verdict.Code is { } code)
            {
                call.Telemetry?.ResponseCode(code);
            }

            return verdict.Kind == VerdictKind.Failure
                ? throw MemOSErrorFactory.FromVerdict(
                    call.Route.Name, verdict, Redactor, response.RequestMessage?.RequestUri)
                : (response, verdict);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>The one exception a failed call ends in, as <see cref="Rulebook"/> names it.</summary>
    public Exception Fail(MemOSCall call, Exception exception, CancellationToken callerToken)
        => Rulebook.ExceptionFor(exception, new FailureContext(
            call.Route,
            $"{_baseUri.Host}:{_baseUri.Port}",
            _timeout,
            _supplied.Timeout,
            call.EarlierAttemptMayHaveApplied,
            callerToken));

    public void Dispose()
    {
        _disposed = true;
        _ownedHttp?.Dispose();
    }

    /// <summary>
    /// Names the SDK's client, not the HttpClient inside it, and also when the HttpClient is the caller's.
    /// </summary>
    public void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(_clientName, $"This {_clientName} was disposed; create a new one, or let "
                + "dependency injection own its lifetime.");
        }
    }

    /// <summary>
    /// A successful answer's status and trace id, for a <see cref="MemOSResponseCapture"/> open around the call.
    /// </summary>
    public static void Captured(MemOSCall call, ResponseVerdict verdict)
    {
        if (MemOSResponseCapture.IsCapturing)
        {
            var info = new MemOSResponseInfo(call.Route.Name, verdict.Status, verdict.Code, verdict.TraceId);
            MemOSResponseCapture.Record(info);
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
