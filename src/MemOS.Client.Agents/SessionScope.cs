using System.Text.Json.Serialization;

namespace MemOS.Client.Agents;

/// <summary>
/// The scope one agent session reads and writes, as kept in the session's state bag: serialized
/// with the session, so a restored session keeps its conversation.
/// </summary>
internal sealed record SessionScope(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("agent_id")] string? AgentId);
