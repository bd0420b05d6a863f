using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace MemOS.Client.Telemetry;

/// <summary>
/// The SDK's traces and metrics, through the runtime's own <see cref="ActivitySource"/> and
/// <see cref="Meter"/> so no OpenTelemetry package is needed: an app subscribes with
/// <c>AddSource("MemOS.Client")</c> and <c>AddMeter("MemOS.Client")</c>. Tags carry operation
/// names, the host, codes and counts only: never a request or answer text (the GenAI conventions'
/// opt-in <c>gen_ai.memory.query.text</c> and <c>gen_ai.memory.records</c> are not recorded), never the key.
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
    public const string GenAIOperationTag = "gen_ai.operation.name";
    public const string GenAIProviderTag = "gen_ai.provider.name";
    public const string GenAIModelTag = "gen_ai.request.model";
    public const string GenAIMemoryRecordCountTag = "gen_ai.memory.record.count";

    /// <summary>The <c>gen_ai.provider.name</c> of every MemOS call that has a GenAI operation name.</summary>
    public const string GenAIProviderName = "memos";

    private static readonly string Version = typeof(MemOSTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static ActivitySource Source { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>How long each call took, from sending to the end of its answer (for a stream, until the stream ends).</summary>
    public static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram<double>("memos.client.request.duration", "s", "Duration of MemOS calls, until the answer (or stream) ended.");

    /// <summary>Attempts repeated by <see cref="MemOSResilienceHandler"/>.</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>("memos.client.retries", "{retry}", "MemOS attempts retried by the resilience handler.");

    /// <summary>Answers that said the caller was rate limited (HTTP 429, code 40300 or 40309), retried or not.</summary>
    public static Counter<long> RateLimits { get; } = Meter.CreateCounter<long>("memos.client.rate_limits", "{response}", "MemOS answers reporting a rate limit (HTTP 429, codes 40300 and 40309).");

    /// <summary>From sending a streamed chat to its first event.</summary>
    public static Histogram<double> TimeToFirstEvent { get; } = Meter.CreateHistogram<double>("memos.client.stream.time_to_first_event", "s", "Time from sending a streamed MemOS chat to its first event.");

    /// <summary>Whether any of the instruments has a listener, so a call's measurements are worth taking.</summary>
    public static bool IsMeasured => RequestDuration.Enabled || Retries.Enabled || RateLimits.Enabled || TimeToFirstEvent.Enabled;
}
