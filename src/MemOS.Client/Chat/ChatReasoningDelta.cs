namespace MemOS.Client.Chat;

/// <summary>
/// A fragment of the model's reasoning (<c>type: "reasoning"</c>), sent by reasoning models such as <c>deepseek-r1</c>
/// before the answer.
/// </summary>
/// <param name="Text">The fragment.</param>
public sealed record ChatReasoningDelta(string Text) : ChatStreamEvent;
