using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>A rerank answer, read from the bare documented body or from an envelope.</summary>
public sealed record RerankResult
{
    /// <summary>The request id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The model used (<c>model</c>).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Token usage (<c>usage</c>).</summary>
    [JsonPropertyName("usage")]
    public RerankUsage? Usage { get; init; }

    /// <summary>Documents by relevance, highest first (<c>results</c>).</summary>
    [JsonPropertyName("results")]
    public IReadOnlyList<RerankHit> Results { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
