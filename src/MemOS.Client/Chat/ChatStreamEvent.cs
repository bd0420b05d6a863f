namespace MemOS.Client.Chat;

/// <summary>
/// One event of a streamed chat answer. Switch on the derived type:
/// <see cref="ChatTextDelta"/>, <see cref="ChatReasoningDelta"/>, <see cref="ChatStreamEnd"/>,
/// and <see cref="ChatStreamUnknown"/> for event types this SDK version does not know.
/// </summary>
public abstract record ChatStreamEvent
{
    private protected ChatStreamEvent()
    {
    }
}
