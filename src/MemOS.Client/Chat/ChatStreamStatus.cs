namespace MemOS.Client.Chat;

/// <summary>
/// A progress signal of the self-hosted server (<c>type: "status"</c>): <c>"0"</c>
/// while memories are searched, <c>"1"</c> when the search is done,
/// <c>"start_internet_search"</c>, and <c>"reasoning"</c> / <c>"2"</c> around the reasoning.
/// Informational only; the answer itself comes as <see cref="ChatTextDelta"/>.
/// </summary>
/// <param name="Status">The status text as sent.</param>
public sealed record ChatStreamStatus(string Status) : ChatStreamEvent;
