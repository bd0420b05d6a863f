using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.KnowledgeBases;

/// <summary>
/// A file to add to a knowledge base by URL or Base64 (<c>file[]</c> item of add/knowledgebase-file).
/// </summary>
public sealed record KnowledgeBaseFileInput
{
    /// <summary>A public URL, Base64 text or a data URI (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>The file name; recommended with Base64 (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>document</c> (default) or <c>skill</c> (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public KnowledgeBaseFileType? Type { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A document by public URL.</summary>
    /// <param name="url">The document's URL.</param>
    public static KnowledgeBaseFileInput FromUrl(string url) => new() { Content = url };
}
