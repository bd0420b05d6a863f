using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>The text of a reranked document.</summary>
public sealed record RerankDocument
{
    /// <summary>The document (<c>text</c>).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
