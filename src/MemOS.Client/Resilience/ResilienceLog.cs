using Microsoft.Extensions.Logging;

namespace MemOS.Client.Resilience;

/// <summary>
/// The only things the SDK logs: what was retried, why, and after how long. Never headers, bodies or the key.
/// </summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(
        EventId = 1,
        Level = LogLevel.Warning,
        Message = "MemOS {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, long delayMs, string reason);
}
