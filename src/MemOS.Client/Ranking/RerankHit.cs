using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>One document's place in a rerank.</summary>
public sealed record RerankHit
{
    /// <summary>Its position in the request's <c>documents</c> (<c>index</c>).</summary>
    [JsonPropertyName("index")]
    public int Index { get; init; }

    /// <summary>The document (<c>document</c>).</summary>
    [JsonPropertyName("document")]
    public RerankDocument? Document { get; init; }

    /// <summary>Relevance to the query; results come highest first (<c>relevance_score</c>).</summary>
    [JsonPropertyName("relevance_score")]
    public double? RelevanceScore { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
