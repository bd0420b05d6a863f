using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MemOS.Client.AI;

/// <summary>
/// Whose memory a chat reads and writes: a user, an agent, or both, and optionally the
/// conversation. Per call it can be given in <see cref="ChatOptions.AdditionalProperties"/>
/// under <see cref="UserIdKey"/>, <see cref="ConversationIdKey"/> and <see cref="AgentIdKey"/>.
/// </summary>
public sealed record MemOSMemoryScope
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the user id.</summary>
    public const string UserIdKey = "user_id";

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the conversation id.</summary>
    public const string ConversationIdKey = "conversation_id";

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the agent id.</summary>
    public const string AgentIdKey = "agent_id";

    /// <summary>The user whose memories are recalled and written (<c>user_id</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>The conversation: recall favours it, and writes are filed under it (<c>conversation_id</c>).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The agent whose memories are recalled and written (<c>agent_id</c>).</summary>
    public string? AgentId { get; init; }

    /// <summary>Whether the scope names someone whose memory MemOS can search: a user or an agent.</summary>
    public bool HasSubject => !string.IsNullOrWhiteSpace(UserId) || !string.IsNullOrWhiteSpace(AgentId);

    internal static bool IsScopeKey(string key) => key is UserIdKey or ConversationIdKey or AgentIdKey;

    /// <summary>The ids given per call; each one overrides the same id of <paramref name="fallback"/>.</summary>
    internal static MemOSMemoryScope? FromProperties(
        AdditionalPropertiesDictionary? properties,
        MemOSMemoryScope? fallback)
    {
        if (properties is null || !properties.Keys.Any(IsScopeKey))
        {
            return fallback;
        }

        return new MemOSMemoryScope
        {
            UserId = Read(properties, UserIdKey) ?? fallback?.UserId,
            ConversationId = Read(properties, ConversationIdKey) ?? fallback?.ConversationId,
            AgentId = Read(properties, AgentIdKey) ?? fallback?.AgentId,
        };
    }

    // Options that went through JSON carry their values as JsonElements.
    private static string? Read(AdditionalPropertiesDictionary properties, string key)
        => properties.TryGetValue(key, out var value)
            ? value switch
            {
                null => null,
                string text => text,
                JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
                JsonElement element => element.GetRawText(),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;
}
