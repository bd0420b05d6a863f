using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>The body of <c>POST /create/knowledgebase</c>.</summary>
public sealed record CreateKnowledgeBaseRequest : IValidatedRequest
{
    /// <summary>The name (<c>knowledgebase_name</c>).</summary>
    [JsonPropertyName("knowledgebase_name")]
    public required string KnowledgeBaseName { get; init; }

    /// <summary>What it holds (<c>knowledgebase_description</c>).</summary>
    [JsonPropertyName("knowledgebase_description")]
    public string? KnowledgeBaseDescription { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(KnowledgeBaseName, "knowledgebase_name");
    }
}
