using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>The <c>data</c> of a self-hosted <c>POST /product/chat/complete</c> answer.</summary>
public sealed record ServerChatCompleteResult
{
    /// <summary>The answer, without the model's <c>&lt;think&gt;</c> block (<c>response</c>).</summary>
    [JsonPropertyName("response")]
    public string Response { get; init; } = string.Empty;

    /// <summary>
    /// The model's reasoning, the text of its <c>&lt;think&gt;</c> block (<c>reasoning</c>); null when it gave none.
    /// </summary>
    [JsonPropertyName("reasoning")]
    public string? Reasoning { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
