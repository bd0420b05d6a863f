using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>
/// What the memory middleware logs: the kind of failure and its codes, never a message text or the key.
/// </summary>
internal static partial class MemoryLog
{
    [LoggerMessage(
        EventId = 101,
        Level = LogLevel.Warning,
        Message = "MemOS memory recall failed ({ErrorType}{Codes}); answering without recalled memories")]
    public static partial void RecallFailed(ILogger logger, string errorType, string codes);

    [LoggerMessage(
        EventId = 102,
        Level = LogLevel.Warning,
        Message = "MemOS memory write-back failed ({ErrorType}{Codes}); this turn was not stored")]
    public static partial void WriteFailed(ILogger logger, string errorType, string codes);

    [LoggerMessage(
        EventId = 103,
        Level = LogLevel.Warning,
        Message = "MemOS memory write-back dropped a turn: {Queued} turns are already waiting, the queue's limit "
                  + "(MemOSMemorySettings.WriteBackQueueLimit); this turn was not stored")]
    public static partial void WriteBackDroppedQueueFull(ILogger logger, int queued);

    [LoggerMessage(
        EventId = 104,
        Level = LogLevel.Warning,
        Message = "MemOS memory write-back dropped a turn: the queue was closed (the client or provider disposed, "
                  + "or the app stopped) and drained for at most {Timeout} (MemoryTimeout); this turn was not stored")]
    public static partial void WriteBackDroppedStopped(ILogger logger, TimeSpan timeout);
}
