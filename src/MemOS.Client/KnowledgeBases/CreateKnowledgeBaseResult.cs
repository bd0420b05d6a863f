using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>The <c>data</c> of a create/knowledgebase answer.</summary>
public sealed record CreateKnowledgeBaseResult
{
    /// <summary>The new knowledge base's id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
