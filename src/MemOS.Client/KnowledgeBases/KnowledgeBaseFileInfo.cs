using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>A file accepted by add/knowledgebase-file; processing continues asynchronously.</summary>
public sealed record KnowledgeBaseFileInfo
{
    /// <summary>The file id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Document or skill (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public KnowledgeBaseFileType? Type { get; init; }

    /// <summary>The file name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Its size in MB (<c>sizeMB</c>).</summary>
    [JsonPropertyName("sizeMB")]
    public double? SizeMB { get; init; }

    /// <summary>
    /// Processing state; <c>running</c>, <c>completed</c>, <c>failed</c> (older versions: <c>PROCESSING</c>)
    /// (<c>status</c>).
    /// </summary>
    [JsonPropertyName("status")]
    public MemOSTaskStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
