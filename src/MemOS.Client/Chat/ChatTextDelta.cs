namespace MemOS.Client.Chat;

/// <summary>A fragment of the answer text (<c>type: "text"</c>). Concatenate fragments in order.</summary>
/// <param name="Text">The fragment.</param>
public sealed record ChatTextDelta(string Text) : ChatStreamEvent;
