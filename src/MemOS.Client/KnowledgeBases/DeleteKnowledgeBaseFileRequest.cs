using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>The body of <c>POST /delete/knowledgebase-file</c>. Deleting a Skill file also deletes the Skill.</summary>
public sealed record DeleteKnowledgeBaseFileRequest : IValidatedRequest
{
    /// <summary>The files (<c>file_ids</c>).</summary>
    [JsonPropertyName("file_ids")]
    public required IReadOnlyList<string> FileIds { get; init; }

    /// <summary>Their knowledge base (sent by the official CLI; not in the schema) (<c>knowledgebase_id</c>).</summary>
    [JsonPropertyName("knowledgebase_id")]
    public string? KnowledgeBaseId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(FileIds, "file_ids");
    }
}
