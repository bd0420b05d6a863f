using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>A knowledge-base file (<c>file_detail_list</c> item of get/knowledgebase-file).</summary>
public sealed record KnowledgeBaseFileDetail
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

    /// <summary>Its size, as text (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public string? Size { get; init; }

    /// <summary>Processing state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemOSTaskStatus? Status { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
