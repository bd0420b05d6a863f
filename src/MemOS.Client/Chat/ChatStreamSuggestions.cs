namespace MemOS.Client.Chat;

/// <summary>Follow-up questions the self-hosted server proposes after the answer (<c>type: "suggestion"</c>, SPEC A.4).</summary>
/// <param name="Suggestions">The suggested queries, in the server's order.</param>
public sealed record ChatStreamSuggestions(IReadOnlyList<string> Suggestions) : ChatStreamEvent;
