using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Memories;

/// <summary>
/// The body of <c>POST /search/memory</c>: semantic recall for one user.
/// Optional fields left null are not sent, so the service applies its own defaults.
/// </summary>
public sealed record SearchMemoryRequest : IValidatedRequest
{
    /// <summary>What to recall memories for (<c>query</c>).</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>
    /// The user whose memories to search (<c>user_id</c>). Either this or <see cref="AgentId"/> is required.
    /// </summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The agent whose memories to search, with independent agent memory enabled (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Boosts memories of this conversation; not a hard filter (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>
    /// Narrows the candidates before recall (<c>filter</c>); build it with <see cref="MemoryFilter"/> or give raw JSON
    /// with <see cref="MemoryFilter.FromJson(string)"/>.
    /// </summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Knowledge bases to search too (<c>knowledgebase_ids</c>); none when omitted.</summary>
    [JsonPropertyName("knowledgebase_ids")]
    public IReadOnlyList<string>? KnowledgeBaseIds { get; init; }

    /// <summary>
    /// Which memory categories to recall (<c>include_memory_view</c>); events and profiles only when listed.
    /// </summary>
    [JsonPropertyName("include_memory_view")]
    public IReadOnlyList<MemoryView>? IncludeMemoryView { get; init; }

    /// <summary>At most this many fact memories, 1 to 25 (<c>memory_limit_number</c>).</summary>
    [JsonPropertyName("memory_limit_number")]
    public int? MemoryLimitNumber { get; init; }

    /// <summary>
    /// Minimum relevance, 0 to 1; 0 turns the threshold off (<c>relativity</c>; service default 0.45).
    /// </summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>Legacy switch for preference recall (<c>include_preference</c>).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>At most this many preferences, 1 to 25 (<c>preference_limit_number</c>).</summary>
    [JsonPropertyName("preference_limit_number")]
    public int? PreferenceLimitNumber { get; init; }

    /// <summary>Legacy switch for tool memory recall (<c>include_tool_memory</c>).</summary>
    [JsonPropertyName("include_tool_memory")]
    public bool? IncludeToolMemory { get; init; }

    /// <summary>At most this many tool memories, 1 to 25 (<c>tool_memory_limit_number</c>).</summary>
    [JsonPropertyName("tool_memory_limit_number")]
    public int? ToolMemoryLimitNumber { get; init; }

    /// <summary>Legacy switch for skill recall (<c>include_skill</c>).</summary>
    [JsonPropertyName("include_skill")]
    public bool? IncludeSkill { get; init; }

    /// <summary>At most this many skills, 1 to 25 (<c>skill_limit_number</c>).</summary>
    [JsonPropertyName("skill_limit_number")]
    public int? SkillLimitNumber { get; init; }

    /// <summary>Output format hint (<c>context_format</c>; undocumented, sent by the official client).</summary>
    [JsonPropertyName("context_format")]
    public string? ContextFormat { get; init; }

    /// <summary>A free-form label of the calling integration (<c>source</c>; undocumented).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(Query, "query");
        if (UserId is null && AgentId is null)
        {
            throw new ArgumentException(
                "user_id or agent_id is required: each search targets one user (or agent).",
                nameof(UserId));
        }

        Guard.Id(UserId, "user_id");
        Guard.Id(AgentId, "agent_id");
        Guard.Id(ConversationId, "conversation_id");
        Guard.Range(MemoryLimitNumber, 1, MemOSLimits.MaxRecallLimit, "memory_limit_number");
        Guard.Range(PreferenceLimitNumber, 1, MemOSLimits.MaxRecallLimit, "preference_limit_number");
        Guard.Range(ToolMemoryLimitNumber, 1, MemOSLimits.MaxRecallLimit, "tool_memory_limit_number");
        Guard.Range(SkillLimitNumber, 1, MemOSLimits.MaxRecallLimit, "skill_limit_number");
        Guard.Range(Relativity, 0, 1, "relativity");
    }
}
