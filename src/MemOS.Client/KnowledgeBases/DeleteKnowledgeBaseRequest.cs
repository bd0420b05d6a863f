using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>The body of <c>POST /delete/knowledgebase</c>.</summary>
internal sealed record DeleteKnowledgeBaseRequest : IValidatedRequest
{
    /// <summary>The knowledge base (<c>knowledgebase_id</c>).</summary>
    [JsonPropertyName("knowledgebase_id")]
    public required string KnowledgeBaseId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(KnowledgeBaseId, "knowledgebase_id");
    }
}
