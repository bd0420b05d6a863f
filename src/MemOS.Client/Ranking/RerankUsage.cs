using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>Tokens a rerank used.</summary>
public sealed record RerankUsage
{
    /// <summary>Input tokens (<c>prompt_tokens</c>).</summary>
    [JsonPropertyName("prompt_tokens")]
    public int? PromptTokens { get; init; }

    /// <summary>All tokens (<c>total_tokens</c>).</summary>
    [JsonPropertyName("total_tokens")]
    public int? TotalTokens { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
