/// <summary>A question from the page, with the page's conversation id.</summary>
internal sealed record AskRequest(string? Question, string? ConversationId);
