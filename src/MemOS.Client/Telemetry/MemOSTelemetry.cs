using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace MemOS.Client.Telemetry;

/// <summary>
/// The SDK's traces and metrics, through the runtime's own <see cref="ActivitySource"/> and
/// <see cref="Meter"/> so no OpenTelemetry package is needed: an app subscribes with
/// <c>AddSource("MemOS.Client")</c> and <c>AddMeter("MemOS.Client")</c>. Names and attributes follow
/// the OpenTelemetry GenAI conventions (<see cref="GenAIConventions"/>); the SDK's own instruments
/// (retries, rate limits) keep their <c>memos.client.*</c> names. Tags carry operation names, the
/// host, ids, codes and counts: request and answer text only when content capture is on
/// (<see cref="ContentCapture"/>), and never the key. Every histogram carries bucket advice.
/// </summary>
internal static class MemOSTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "MemOS.Client";

    public const string OperationTag = "memos.operation";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ResponseCodeTag = "memos.response.code";
    public const string RetryCountTag = "memos.retry_count";
    public const string HttpStatusTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    /// <summary>The <c>gen_ai.provider.name</c> of every MemOS call that has a GenAI operation name.</summary>
    public const string GenAIProviderName = "memos";

    // Declared before the instruments that use it: static fields initialise in order.
    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = GenAIConventions.DurationBuckets,
    };

    private static readonly string Version = typeof(MemOSTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?
        .InformationalVersion ?? "0.0.0";

    public static ActivitySource Source { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>
    /// How long each call took, from sending to the end of its answer (for a stream, until the stream ends).
    /// </summary>
    public static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram(
        "memos.client.request.duration",
        "s",
        "Duration of MemOS calls, until the answer (or stream) ended.",
        tags: null,
        SecondsAdvice);

    /// <summary>
    /// The conventions' duration of calls that have a GenAI operation name (memory operations and chats).
    /// </summary>
    public static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram(
        GenAIConventions.OperationDurationMetric, "s", "GenAI operation duration.", tags: null, SecondsAdvice);

    /// <summary>Attempts repeated by <see cref="MemOSResilienceHandler"/>.</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        "memos.client.retries",
        "{retry}",
        "MemOS attempts retried by the resilience handler.");

    /// <summary>
    /// Answers that said the caller was rate limited (HTTP 429, code 40300 or 40309), retried or not.
    /// </summary>
    public static Counter<long> RateLimits { get; } = Meter.CreateCounter<long>(
        "memos.client.rate_limits",
        "{response}",
        "MemOS answers reporting a rate limit (HTTP 429, codes 40300 and 40309).");

    /// <summary>From sending a streamed chat to its first event.</summary>
    public static Histogram<double> TimeToFirstEvent { get; } = Meter.CreateHistogram(
        "memos.client.stream.time_to_first_event",
        "s",
        "Time from sending a streamed MemOS chat to its first event.",
        tags: null,
        SecondsAdvice);

    /// <summary>The conventions' time to the first chunk of a streamed chat.</summary>
    public static Histogram<double> TimeToFirstChunk { get; } = Meter.CreateHistogram(
        GenAIConventions.TimeToFirstChunkMetric,
        "s",
        "Time to receive the first chunk from a streaming GenAI response.",
        tags: null,
        SecondsAdvice);

    /// <summary>Whether any of the instruments has a listener, so a call's measurements are worth taking.</summary>
    public static bool IsMeasured => RequestDuration.Enabled || OperationDuration.Enabled || Retries.Enabled
        || RateLimits.Enabled
        || TimeToFirstEvent.Enabled
        || TimeToFirstChunk.Enabled;
}
