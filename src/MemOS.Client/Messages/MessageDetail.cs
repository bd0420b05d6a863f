using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>A stored message (<c>message_detail_list</c> item of get/message).</summary>
public sealed record MessageDetail
{
    /// <summary>Who wrote it (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public MessageRole? Role { get; init; }

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>When it was stored; a date text such as <c>2025-06-10 09:30:00</c> (<c>create_time</c>).</summary>
    [JsonPropertyName("create_time")]
    public MemOSTimestamp? CreateTime { get; init; }

    /// <summary>
    /// The time the message was written with (<c>chat_time</c>), when the service returns it; an
    /// export writes it back so that a re-import keeps the conversation's original times.
    /// </summary>
    [JsonPropertyName("chat_time")]
    public string? ChatTime { get; init; }

    /// <summary>When it was last updated (<c>update_time</c>).</summary>
    [JsonPropertyName("update_time")]
    public MemOSTimestamp? UpdateTime { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
