/// <summary>A fact the visitor tells the page to remember, with the page's conversation id.</summary>
internal sealed record RememberRequest(string? Text, string? ConversationId);
