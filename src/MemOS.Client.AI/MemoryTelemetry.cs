using System.Diagnostics.Metrics;

namespace MemOS.Client.AI;

/// <summary>
/// The write-back queue's instruments, on a meter named after the package that holds this file
/// (<c>MemOS.Client.AI</c> or <c>MemOS.Client.Agents</c>): subscribe with <c>AddMeter</c> and that name.
/// </summary>
internal static class MemoryTelemetry
{
    private static readonly Meter Meter = new(
        typeof(MemoryTelemetry).Assembly.GetName().Name!,
        typeof(MemoryTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Turns waiting to be written back, across every queue of the process.</summary>
    public static UpDownCounter<long> WriteBackQueueDepth { get; } = Meter.CreateUpDownCounter<long>(
        "memos.client.write_back.queue_depth", "{turn}", "Answered turns waiting to be written into MemOS.");

    /// <summary>
    /// Turns never written, tagged <c>reason</c>: <c>queue_full</c> or <c>stopped</c> (shut down before its turn).
    /// </summary>
    public static Counter<long> WriteBackDropped { get; } = Meter.CreateCounter<long>(
        "memos.client.write_back.dropped", "{turn}", "Answered turns dropped without being written into MemOS.");
}
