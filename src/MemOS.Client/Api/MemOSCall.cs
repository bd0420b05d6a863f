using System.Diagnostics;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Telemetry;

namespace MemOS.Client.Api;

/// <summary>
/// One call as the resilience handler sees it, carried on its request by the Refit interfaces
/// (a <c>[Property]</c> parameter): which route it is, its telemetry, and when its overall
/// timeout ends, so that a wait the service asks for is never started if it cannot end in time;
/// and what its answer's <c>data</c> is, so that the classifier reads it in the same pass as the envelope.
/// </summary>
internal sealed class MemOSCall
{
    /// <summary>The request option the call travels in.</summary>
    public const string PropertyName = "MemOS.Call";

    private readonly long _deadline;

    public MemOSCall(RouteFacts route, OperationTelemetry telemetry, TimeSpan timeout, JsonTypeInfo? dataInfo = null)
    {
        Route = route;
        Telemetry = telemetry;
        DataInfo = dataInfo;
        _deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public static HttpRequestOptionsKey<MemOSCall> Key { get; } = new(PropertyName);

    public RouteFacts Route { get; }

    public OperationTelemetry Telemetry { get; }

    /// <summary>How to read the envelope's <c>data</c>; null to leave it to the caller, as its bytes.</summary>
    public JsonTypeInfo? DataInfo { get; }

    /// <summary>Whether a wait of <paramref name="wait"/> would end after the call's overall timeout.</summary>
    public bool EndsAfterDeadline(TimeSpan wait)
        => _deadline != long.MaxValue && Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency) > _deadline;
}
