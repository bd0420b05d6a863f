using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Errors;
using MemOS.Client.Resilience;
using MemOS.Client.Telemetry;
using Polly;

namespace MemOS.Client.Api;

/// <summary>
/// The one object that carries a call through every layer: which route it is, its telemetry, when
/// its overall timeout ends (a wait the service asks for is never started if it cannot end in
/// time), the scope a bulk caller set (retry count, rate-limit listener), the capture open around
/// it, how its answer's <c>data</c> is read (in the same pass as the envelope), and the verdict on
/// its last answer. The Refit interfaces put it on the request (a <c>[Property]</c> parameter); the
/// resilience handler, the answer classifier, the transport and the stream reader find it with
/// <see cref="Of(HttpRequestMessage)"/> or <see cref="Of(ResilienceContext)"/>.
/// </summary>
internal sealed class MemOSCall
{
    /// <summary>The name the call travels under, on the request and in the resilience pipeline's context.</summary>
    public const string PropertyName = "MemOS.Call";

    private static readonly HttpRequestOptionsKey<MemOSCall> RequestKey = new(PropertyName);
    private static readonly ResiliencePropertyKey<MemOSCall> PipelineKey = new(PropertyName);

    private readonly long _deadline;

    // The last answer judged and its verdict: one per attempt, as a retried request keeps its call across attempts.
    private HttpResponseMessage? _answered;
    private ResponseVerdict? _verdict;

    /// <param name="route">What the call is.</param>
    /// <param name="telemetry">Its span and measurements; null for a request the SDK did not build.</param>
    /// <param name="timeout">The call's overall limit.</param>
    /// <param name="redactor">Removes the API key from what the service echoes; null when none is known.</param>
    /// <param name="time">The clock a Retry-After date is read against.</param>
    /// <param name="dataInfo">How to read the envelope's <c>data</c>; null to leave it to the caller, as its
    /// bytes.</param>
    public MemOSCall(
        RouteFacts route,
        OperationTelemetry? telemetry,
        TimeSpan timeout,
        SecretRedactor? redactor,
        TimeProvider time,
        JsonTypeInfo? dataInfo = null)
    {
        Route = route;
        Telemetry = telemetry;
        Redactor = redactor;
        Time = time;
        DataInfo = dataInfo;
        Scope = AttemptScope.Current;
        _deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public RouteFacts Route { get; }

    /// <summary>The call's span and measurements; null for a request the SDK did not build.</summary>
    public OperationTelemetry? Telemetry { get; }

    public SecretRedactor? Redactor { get; }

    public TimeProvider Time { get; }

    /// <summary>How to read the envelope's <c>data</c>; null to leave it to the caller, as its bytes.</summary>
    public JsonTypeInfo? DataInfo { get; }

    /// <summary>
    /// The settings of the bulk caller that started the call, taken as it started; null for most calls.
    /// </summary>
    public AttemptScope? Scope { get; }

    /// <summary>Whether an attempt before the last failed in a way the service may still have processed.</summary>
    public bool EarlierAttemptMayHaveApplied => Telemetry?.EarlierAttemptMayHaveApplied == true;

    /// <summary>The call a request carries; null for a request the SDK did not build.</summary>
    public static MemOSCall? Of(HttpRequestMessage request)
        => request.Options.TryGetValue(RequestKey, out var call) ? call : null;

    /// <summary>The call a resilience pipeline runs for; null for a request the SDK did not build.</summary>
    public static MemOSCall? Of(ResilienceContext context)
        => context.Properties.TryGetValue(PipelineKey, out var call) ? call : null;

    /// <summary>
    /// The call <paramref name="request"/> carries, or one made for a request the SDK did not build
    /// (an unrepeatable write, with no telemetry), put on it; and made the call of <paramref name="context"/>.
    /// </summary>
    public static MemOSCall Attach(HttpRequestMessage request, ResilienceContext context, TimeProvider time)
    {
        if (Of(request) is not { } call)
        {
            var route = RouteFacts.Unknown(request.RequestUri?.AbsolutePath ?? "request");
            call = new MemOSCall(route, null, Timeout.InfiniteTimeSpan, null, time);
            request.Options.Set(RequestKey, call);
        }

        context.Properties.Set(PipelineKey, call);
        return call;
    }

    /// <summary>Whether a wait of <paramref name="wait"/> would end after the call's overall timeout.</summary>
    public bool EndsAfterDeadline(TimeSpan wait)
        => _deadline != long.MaxValue
           && Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency) > _deadline;

    /// <summary>The verdict already reached on <paramref name="response"/>, if it is the call's last answer.</summary>
    public ResponseVerdict? VerdictOn(HttpResponseMessage? response)
        => response is not null && ReferenceEquals(Volatile.Read(ref _answered), response) ? _verdict : null;

    /// <summary>Keeps the verdict on the call's latest answer.</summary>
    public void Judged(HttpResponseMessage response, ResponseVerdict verdict)
    {
        _verdict = verdict;
        Volatile.Write(ref _answered, response);
    }

    /// <summary>
    /// An attempt's answer reported a rate limit: told to the span and to the bulk caller's listener.
    /// </summary>
    public void RateLimited(TimeSpan? retryAfter)
    {
        Telemetry?.RateLimited();
        Scope?.OnRateLimited?.Invoke(retryAfter);
    }
}
