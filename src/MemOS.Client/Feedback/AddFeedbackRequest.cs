using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Feedback;

/// <summary>
/// The body of <c>POST /add/feedback</c>: a correction of memories in plain words, processed asynchronously.
/// </summary>
public sealed record AddFeedbackRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The conversation; may be omitted for keyword-replacement feedback (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The feedback (<c>feedback_content</c>).</summary>
    [JsonPropertyName("feedback_content")]
    public required string FeedbackContent { get; init; }

    /// <summary>The agent (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>The app (<c>app_id</c>).</summary>
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    /// <summary>When the feedback was given, as any time text (<c>feedback_time</c>).</summary>
    [JsonPropertyName("feedback_time")]
    public string? FeedbackTime { get; init; }

    /// <summary>Whether public memories may change (<c>allow_public</c>).</summary>
    [JsonPropertyName("allow_public")]
    public bool? AllowPublic { get; init; }

    /// <summary>Knowledge bases whose memories the feedback may change (<c>allow_knowledgebase_ids</c>).</summary>
    [JsonPropertyName("allow_knowledgebase_ids")]
    public IReadOnlyList<string>? AllowKnowledgeBaseIds { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.RequiredId(UserId, "user_id");
        Guard.Id(ConversationId, "conversation_id");
        Guard.Required(FeedbackContent, "feedback_content");
    }
}
