using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Messages;

namespace MemOS.Client.Memories;

/// <summary>The body of <c>POST /extract/memory</c>: extract memories from messages without storing anything.</summary>
public sealed record ExtractMemoryRequest : IValidatedRequest
{
    /// <summary>
    /// The messages (user, assistant or system, text only); together at most 8k tokens (<c>messages</c>).
    /// </summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<MemOSMessage> Messages { get; init; }

    /// <summary>What to extract; everything when omitted (<c>extraction_types</c>).</summary>
    [JsonPropertyName("extraction_types")]
    public IReadOnlyList<ExtractionType>? ExtractionTypes { get; init; }

    /// <summary>The extraction model (undocumented; sent by the official client) (<c>model</c>).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>The user (undocumented; sent by the official CLI) (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The conversation (undocumented) (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The agent (undocumented) (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(Messages, "messages");
        for (var i = 0; i < Messages.Count; i++)
        {
            var message = Messages[i] ?? throw new ArgumentException(
                $"messages[{i}] must not be null.",
                nameof(Messages));
            message.Validate(i);
        }
    }
}
