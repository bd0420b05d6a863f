using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Memories;

/// <summary>
/// The body of <c>POST /delete/memory</c>. Exactly one mode: these memory ids, all of a user's memories, all of an
/// agent's memories, or (undocumented, sent by the official client) a filter.
/// </summary>
public sealed record DeleteMemoryRequest : IValidatedRequest
{
    /// <summary>Delete these memories (<c>memory_ids</c>).</summary>
    [JsonPropertyName("memory_ids")]
    public IReadOnlyList<string>? MemoryIds { get; init; }

    /// <summary>Delete every memory of this user in the project (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Delete every memory of this agent (independent agent memory only) (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Delete the memories this filter matches (undocumented) (<c>filter</c>).</summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Narrows a mode to one memory type (undocumented) (<c>memory_type</c>).</summary>
    [JsonPropertyName("memory_type")]
    public string? MemoryType { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.ExactlyOne("memory_ids, user_id, agent_id or filter", MemoryIds, UserId, AgentId, Filter);
        if (MemoryIds is { Count: 0 })
        {
            throw new ArgumentException("memory_ids must hold at least one id.", nameof(MemoryIds));
        }

        Guard.Id(UserId, "user_id");
        Guard.Id(AgentId, "agent_id");
    }
}
