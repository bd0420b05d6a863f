using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Chat;

/// <summary>The <c>data</c> of a non-streaming chat answer.</summary>
public sealed record ChatResult
{
    /// <summary>The model's answer (<c>response</c>).</summary>
    [JsonPropertyName("response")]
    public string Response { get; init; } = string.Empty;

    /// <summary>
    /// Fields the SDK does not model (a <c>reasoning</c> text, if a service version adds one), kept as received.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
