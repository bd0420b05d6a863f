using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>The function a tool call invokes.</summary>
public sealed record ToolCallFunction
{
    /// <summary>The function name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>
    /// The arguments as a JSON-encoded <em>string</em>, as OpenAI-style APIs send them (<c>arguments</c>).
    /// </summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent back as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
