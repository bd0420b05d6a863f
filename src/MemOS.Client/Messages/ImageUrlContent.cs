using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>The <c>image_url</c> object of an image content part.</summary>
public sealed record ImageUrlContent
{
    /// <summary>A public URL or a data URI such as <c>data:image/jpeg;base64,…</c> (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent back as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
