namespace MemOS.Client.Import;

/// <summary>A run of consecutive messages of one conversation: the messages one request carried.</summary>
/// <param name="UserId">The conversation's user.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Start">The index of the first message in the conversation, from 0.</param>
/// <param name="Count">How many messages.</param>
public sealed record ImportRange(string UserId, string ConversationId, int Start, int Count)
{
    /// <summary>The index just after the last message.</summary>
    public int End => Start + Count;

    /// <summary>Reads like <c>u1/c7 messages 50–99</c>.</summary>
    public override string ToString() => $"{UserId}/{ConversationId} messages {Start}-{End - 1}";
}
