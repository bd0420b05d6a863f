using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// The body of <c>POST /add/knowledgebase-file</c>: files by URL or Base64. For local files use
/// <see cref="IMemOSClient.UploadKnowledgeBaseFilesAsync"/>.
/// </summary>
public sealed record AddKnowledgeBaseFileRequest : IValidatedRequest
{
    /// <summary>The knowledge base (<c>knowledgebase_id</c>).</summary>
    [JsonPropertyName("knowledgebase_id")]
    public required string KnowledgeBaseId { get; init; }

    /// <summary>The files, at most 20 (<c>file</c>).</summary>
    [JsonPropertyName("file")]
    public required IReadOnlyList<KnowledgeBaseFileInput> Files { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(KnowledgeBaseId, "knowledgebase_id");
        Guard.Required(Files, "file");
        Guard.Range(Files.Count, 1, MemOSLimits.MaxUploadFiles, "file (number of files)");
        for (var i = 0; i < Files.Count; i++)
        {
            Guard.Required(Files[i]?.Content, $"file[{i}].content");
        }
    }
}
