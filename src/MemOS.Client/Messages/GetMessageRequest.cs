using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>The body of <c>POST /get/message</c>: the raw messages of one conversation.</summary>
public sealed record GetMessageRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The conversation (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id")]
    public required string ConversationId { get; init; }

    /// <summary>At most this many messages, 1 to 50 (service default 6) (<c>message_limit_number</c>).</summary>
    [JsonPropertyName("message_limit_number")]
    public int? MessageLimitNumber { get; init; }

    /// <summary>Documented only for the self-hosted server (<c>conversation_limit_number</c>).</summary>
    [JsonPropertyName("conversation_limit_number")]
    public int? ConversationLimitNumber { get; init; }

    /// <summary>A free-form label of the calling integration (undocumented) (<c>source</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.RequiredId(UserId, "user_id");
        Guard.RequiredId(ConversationId, "conversation_id");
        Guard.Range(MessageLimitNumber, 1, MemOSLimits.MaxPageSize, "message_limit_number");
    }
}
