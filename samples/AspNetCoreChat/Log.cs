/// <summary>The sample's log lines. They hold the SDK's messages, which never contain the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "MemOS call failed: {Message}")]
    public static partial void MemOSFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "The visitor stopped an answer; its MemOS stream was cancelled.")]
    public static partial void AnswerStopped(ILogger logger);
}
