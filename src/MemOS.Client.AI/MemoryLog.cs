using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>What the memory middleware logs: the kind of failure and its codes, never a message text or the key.</summary>
internal static partial class MemoryLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "MemOS memory recall failed ({ErrorType}, code {Code}, trace id {TraceId}); answering without recalled memories")]
    public static partial void RecallFailed(ILogger logger, string errorType, int? code, string? traceId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "MemOS memory write-back failed ({ErrorType}, code {Code}, trace id {TraceId}); this turn was not stored")]
    public static partial void WriteFailed(ILogger logger, string errorType, int? code, string? traceId);
}
