using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/search</c> (the server's
/// <c>APISearchRequest</c>): memories relevant to a query. Optional fields left null are not
/// sent, so the server applies its own defaults; the server ignores keys it does not know, so
/// <see cref="AdditionalProperties"/> is only for fields newer than this SDK.
/// </summary>
public sealed record ServerSearchMemoryRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>What to recall memories for (<c>query</c>).</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>The cubes to search (<c>readable_cube_ids</c>).</summary>
    [JsonPropertyName("readable_cube_ids")]
    public IReadOnlyList<string>? ReadableCubeIds { get; init; }

    /// <summary>The search mode (<c>mode</c>; server default <see cref="ServerSearchMode.Fast"/>).</summary>
    [JsonPropertyName("mode")]
    public ServerSearchMode? Mode { get; init; }

    /// <summary>How many memories to return, at least 1 (<c>top_k</c>; server default 10).</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    /// <summary>Boosts memories of this session without filtering (<c>session_id</c>).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>
    /// Minimum relevance, at least 0; 0 turns the threshold off (<c>relativity</c>; server default 0.45).
    /// </summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>
    /// How near-duplicates are removed (<c>dedup</c>; server default <see cref="ServerDedupMode.Mmr"/>).
    /// The server's exact-text-only deduplication is chosen by an explicit JSON <c>null</c>, which
    /// only <see cref="AdditionalProperties"/> can send (key <c>dedup</c>, with this property left null).
    /// </summary>
    [JsonPropertyName("dedup")]
    public ServerDedupMode? Dedup { get; init; }

    /// <summary>
    /// Whether the reranker orders the memories; false keeps retrieval order (<c>rerank</c>; server default true).
    /// </summary>
    [JsonPropertyName("rerank")]
    public bool? Rerank { get; init; }

    /// <summary>Whether to recall preferences too (<c>include_preference</c>; server default true).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>How many preferences to return, at least 0 (<c>pref_top_k</c>; server default 6).</summary>
    [JsonPropertyName("pref_top_k")]
    public int? PrefTopK { get; init; }

    /// <summary>Whether to recall tool memories too (<c>search_tool_memory</c>; server default true).</summary>
    [JsonPropertyName("search_tool_memory")]
    public bool? IncludeToolMemory { get; init; }

    /// <summary>How many tool memories to return, at least 0 (<c>tool_mem_top_k</c>; server default 6).</summary>
    [JsonPropertyName("tool_mem_top_k")]
    public int? ToolMemoryTopK { get; init; }

    /// <summary>Whether to recall skill memories too (<c>include_skill_memory</c>; server default true).</summary>
    [JsonPropertyName("include_skill_memory")]
    public bool? IncludeSkillMemory { get; init; }

    /// <summary>How many skill memories to return, at least 0 (<c>skill_mem_top_k</c>; server default 3).</summary>
    [JsonPropertyName("skill_mem_top_k")]
    public int? SkillMemoryTopK { get; init; }

    /// <summary>
    /// The format of the search context, passed to the server's plugins (<c>context_format</c>; server default
    /// <c>memory</c>).
    /// </summary>
    [JsonPropertyName("context_format")]
    public string? ContextFormat { get; init; }

    /// <summary>
    /// Narrows the candidates (<c>filter</c>); give the server's nested grammar with
    /// <see cref="MemoryFilter.FromJson(string)"/>.
    /// </summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Whether to search the internet too (<c>internet_search</c>; server default false).</summary>
    [JsonPropertyName("internet_search")]
    public bool? InternetSearch { get; init; }

    /// <summary>
    /// The similarity threshold of the plain-text memory search (<c>threshold</c>); the server's own thresholds when
    /// omitted.
    /// </summary>
    [JsonPropertyName("threshold")]
    public double? Threshold { get; init; }

    /// <summary>
    /// The memory category to search (<c>search_memory_type</c>; server default <c>All</c>): <c>All</c>,
    /// <c>WorkingMemory</c>, <c>LongTermMemory</c>, <c>UserMemory</c>, <c>OuterMemory</c>,
    /// <c>ToolSchemaMemory</c>, <c>ToolTrajectoryMemory</c>, <c>RawFileMemory</c>,
    /// <c>AllSummaryMemory</c>, <c>SkillMemory</c> or <c>PreferenceMemory</c>.
    /// </summary>
    [JsonPropertyName("search_memory_type")]
    public string? SearchMemoryType { get; init; }

    /// <summary>
    /// The time relative expressions in the query (such as "yesterday") are read against, as any time text
    /// (<c>reference_time</c>); the server's clock when omitted.
    /// </summary>
    [JsonPropertyName("reference_time")]
    public string? ReferenceTime { get; init; }

    /// <summary>
    /// The conversation so far, oldest first, as context for the search (<c>chat_history</c>).
    /// When omitted the server may use the history it stored; an empty list is used as given.
    /// </summary>
    [JsonPropertyName("chat_history")]
    public IReadOnlyList<ServerMessage>? ChatHistory { get; init; }

    /// <summary>Where the search comes from; the server's plugins may route on it (<c>source</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>
    /// Whether to recall the chunks next to the matching ones too (<c>neighbor_discovery</c>; server default false).
    /// </summary>
    [JsonPropertyName("neighbor_discovery")]
    public bool? NeighborDiscovery { get; init; }

    /// <summary>
    /// A single cube (<c>mem_cube_id</c>); the server uses it when <see cref="ReadableCubeIds"/> is empty.
    /// </summary>
    [Obsolete("Deprecated by the MemOS server; use ReadableCubeIds.")]
    [JsonPropertyName("mem_cube_id")]
    public string? MemCubeId { get; init; }

    /// <summary>Legacy MemOSCube pipeline switch (<c>moscube</c>); the server only logs a warning.</summary>
    [Obsolete("Deprecated by the MemOS server, which ignores it apart from a warning; leave it unset.")]
    [JsonPropertyName("moscube")]
    public bool? Moscube { get; init; }

    /// <summary>Legacy per-cube permissions (<c>operation</c>); the server ignores them apart from a warning.</summary>
    [Obsolete("Deprecated by the MemOS server, which ignores it; use ReadableCubeIds.")]
    [JsonPropertyName("operation")]
    public IReadOnlyList<ServerCubeOperation>? Operation { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(Query, "query");
        Guard.Range(TopK, 1, int.MaxValue, "top_k");
        Guard.AtLeast(Relativity, 0, "relativity");
        Guard.Range(PrefTopK, 0, int.MaxValue, "pref_top_k");
        Guard.Range(ToolMemoryTopK, 0, int.MaxValue, "tool_mem_top_k");
        Guard.Range(SkillMemoryTopK, 0, int.MaxValue, "skill_mem_top_k");
    }
}
