using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>What the page may send, checked before anything reaches MemOS. The page checks the same limits before sending.</summary>
internal static partial class Input
{
    /// <summary>The longest question or fact, in characters: a chat turn, not a document.</summary>
    public const int MaxLength = 4_000;

    /// <summary>Why this text cannot be sent, or null when it can.</summary>
    public static string? Problem(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"Type a {what} first: an empty {what} cannot be sent.";
        }

        return text.Length > MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"That {what} is {text.Length:N0} characters long; the limit is {MaxLength:N0}. Please shorten it.")
            : null;
    }

    /// <summary>Why this conversation id is refused (the page makes a short random one), or null.</summary>
    public static string? ConversationProblem(string? conversationId)
        => conversationId is not null && ConversationPattern().IsMatch(conversationId) ? null : "The page sent no valid conversation id; reload the page.";

    public static ProblemHttpResult BadRequest(string detail)
        => TypedResults.Problem(title: "This cannot be sent", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConversationPattern();
}
