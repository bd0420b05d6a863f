namespace MemOS.Client.Chat;

/// <summary>
/// The answer is complete (<c>type: "end"</c> or <c>[DONE]</c>). It is always the last event of
/// a stream that finished normally; a stream that stops without it throws
/// <see cref="MemOSStreamException"/> instead.
/// </summary>
public sealed record ChatStreamEnd : ChatStreamEvent;
