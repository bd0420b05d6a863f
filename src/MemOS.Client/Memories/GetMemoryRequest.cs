using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Memories;

/// <summary>The body of <c>POST /get/memory</c>: one page of a user's (or agent's) memories, with no query.</summary>
public sealed record GetMemoryRequest : IValidatedRequest
{
    /// <summary>The user; give this or the agent (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The agent, with independent agent memory enabled; give this or the user (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>The page, from 1 (service default 1) (<c>page</c>).</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Items per memory category on the page, 1 to 50 (service default 10) (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary>Narrows the memories listed (<c>filter</c>).</summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Which categories to list (service default: all) (<c>include_memory_view</c>).</summary>
    [JsonPropertyName("include_memory_view")]
    public IReadOnlyList<MemoryView>? IncludeMemoryView { get; init; }

    /// <summary>Legacy switch for preferences (<c>include_preference</c>).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>Legacy switch for tool memories (<c>include_tool_memory</c>).</summary>
    [JsonPropertyName("include_tool_memory")]
    public bool? IncludeToolMemory { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.ExactlyOne("user_id or agent_id", UserId, AgentId);
        Guard.Id(UserId, "user_id");
        Guard.Id(AgentId, "agent_id");
        Guard.Range(Page, 1, int.MaxValue, "page");
        Guard.Range(Size, 1, MemOSLimits.MaxPageSize, "size");
    }
}
