namespace MemOS.Client.Chat;

/// <summary>
/// One event of a streamed chat answer. Switch on the derived type:
/// <see cref="ChatTextDelta"/>, <see cref="ChatReasoningDelta"/>, <see cref="ChatStreamEnd"/>,
/// the self-hosted server's <see cref="ChatStreamStatus"/>, <see cref="ChatStreamReference"/>,
/// <see cref="ChatStreamPreferenceMarkdown"/>, <see cref="ChatStreamInternetReference"/>,
/// <see cref="ChatStreamTime"/> and <see cref="ChatStreamSuggestions"/>, and
/// <see cref="ChatStreamUnknown"/> for event types (or payload shapes) this SDK version does not know.
/// </summary>
public abstract record ChatStreamEvent
{
    private protected ChatStreamEvent()
    {
    }
}
