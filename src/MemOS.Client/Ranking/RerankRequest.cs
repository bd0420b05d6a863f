using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>The body of <c>POST /rerank</c>: order documents by relevance to a query.</summary>
public sealed record RerankRequest : IValidatedRequest
{
    /// <summary>The reranker (<c>model</c>).</summary>
    [JsonPropertyName("model")]
    public RerankModel? Model { get; init; }

    /// <summary>The query (<c>query</c>).</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>The documents; together at most 8k tokens (<c>documents</c>).</summary>
    [JsonPropertyName("documents")]
    public required IReadOnlyList<string> Documents { get; init; }

    /// <summary>Return only the best N; all when omitted (<c>top_n</c>).</summary>
    [JsonPropertyName("top_n")]
    public int? TopN { get; init; }

    /// <summary>The user (undocumented; sent by the official CLI) (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(Query, "query");
        Guard.Required(Documents, "documents");
        Guard.Range(TopN, 1, int.MaxValue, "top_n");
    }
}
