using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>The <c>file</c> object of a document content part.</summary>
public sealed record FileContent
{
    /// <summary>A public URL or the document's Base64 text (<c>file_data</c>).</summary>
    [JsonPropertyName("file_data")]
    public required string FileData { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent back as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
