namespace MemOS.Client.Chat;

/// <summary>Follow-up questions the self-hosted server proposes after the answer (<c>type: "suggestion"</c>).</summary>
/// <param name="Suggestions">The suggested queries, in the server's order.</param>
public sealed record ChatStreamSuggestions(IReadOnlyList<string> Suggestions) : ChatStreamEvent;
