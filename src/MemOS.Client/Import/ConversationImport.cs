using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// One conversation to import: whose it is, its id and its messages, oldest first. In a JSON Lines
/// file each line holds one of these (<c>{"user_id":"u1","conversation_id":"c1","messages":[…]}</c>),
/// the same shape that <see cref="MemOSExportExtensions.ExportMessagesAsync"/> writes.
/// </summary>
public sealed record ConversationImport
{
    /// <summary>The user the memories belong to (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>
    /// The conversation (<c>conversation_id</c>); it identifies the conversation in the checkpoint too.
    /// </summary>
    [JsonPropertyName("conversation_id")]
    public required string ConversationId { get; init; }

    /// <summary>The messages, oldest first; their order and <c>chat_time</c> are kept.</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<MemOSMessage> Messages { get; init; }

    /// <summary>The agent (<c>agent_id</c>), when the conversation was with one.</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>The app the memories are tagged with (<c>app_id</c>).</summary>
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    /// <summary>Candidate tags sent with every request of this conversation (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Fields the SDK does not model, kept as read.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
