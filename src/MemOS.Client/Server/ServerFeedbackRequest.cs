using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/feedback</c>: a natural-language
/// correction the server applies to the user's memories. SPEC names this route only; the
/// fields here are the evident ones, and <see cref="AdditionalProperties"/> carries any other
/// field the server accepts.
/// </summary>
public sealed record ServerFeedbackRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The correction, in the user's words (<c>feedback_content</c>).</summary>
    [JsonPropertyName("feedback_content")]
    public required string FeedbackContent { get; init; }

    /// <summary>The conversation the feedback is about, oldest first (<c>history</c>); always sent, possibly empty.</summary>
    [JsonPropertyName("history")]
    public required IReadOnlyList<ServerMessage> History { get; init; }

    /// <summary>The session (<c>session_id</c>).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>The memories recalled for the turn the feedback is about (<c>retrieved_memory_ids</c>).</summary>
    [JsonPropertyName("retrieved_memory_ids")]
    public IReadOnlyList<string>? RetrievedMemoryIds { get; init; }

    /// <summary>The cubes the correction may change (<c>writable_cube_ids</c>).</summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>Extra body fields to send as given, for server fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    internal void Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(FeedbackContent, "feedback_content");
        ArgumentNullException.ThrowIfNull(History, "history");
    }
}
