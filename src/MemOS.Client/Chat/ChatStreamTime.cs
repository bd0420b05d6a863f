namespace MemOS.Client.Chat;

/// <summary>The self-hosted server's timing report for the answer (<c>type: "time"</c>).</summary>
/// <param name="TotalTime">The total time as the server reports it (<c>total_time</c>); null when absent or not a
/// number.</param>
/// <param name="SpeedImprovement">The server's speed-up claim as text such as <c>"12.5%"</c>
/// (<c>speed_improvement</c>).</param>
public sealed record ChatStreamTime(double? TotalTime, string? SpeedImprovement) : ChatStreamEvent;
