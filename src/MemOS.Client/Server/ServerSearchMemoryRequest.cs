using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/search</c>: memories relevant to a
/// query. SPEC names this route only; the fields here mirror the chat request's search fields,
/// and <see cref="AdditionalProperties"/> carries any other field the server accepts.
/// </summary>
public sealed record ServerSearchMemoryRequest
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

    /// <summary>The search mode (<c>mode</c>).</summary>
    [JsonPropertyName("mode")]
    public ServerSearchMode? Mode { get; init; }

    /// <summary>How many memories to return (<c>top_k</c>).</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    /// <summary>Boosts memories of this session without filtering (<c>session_id</c>).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>Minimum relevance, at least 0 (<c>relativity</c>).</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>Whether to recall preferences too (<c>include_preference</c>).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>How many preferences to return (<c>pref_top_k</c>).</summary>
    [JsonPropertyName("pref_top_k")]
    public int? PrefTopK { get; init; }

    /// <summary>Narrows the candidates (<c>filter</c>); give the server's nested grammar with <see cref="MemoryFilter.FromJson(string)"/>.</summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Extra body fields to send as given, for server fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    internal void Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(Query, "query");
        Guard.Range(TopK, 1, int.MaxValue, "top_k");
        Guard.AtLeast(Relativity, 0, "relativity");
    }
}
