using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// What every recalled memory has, whatever its category: its id, times, conversation, state and
/// relevance. Results can be merged and ranked across categories through this type.
/// </summary>
public abstract record MemoryItem
{
    private protected MemoryItem()
    {
    }

    /// <summary>The memory id, for get, update and delete (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>When the memory was created; epoch milliseconds or a date text (<c>create_time</c>).</summary>
    [JsonPropertyName("create_time")]
    public MemOSTimestamp? CreateTime { get; init; }

    /// <summary>When the memory was last updated (<c>update_time</c>).</summary>
    [JsonPropertyName("update_time")]
    public MemOSTimestamp? UpdateTime { get; init; }

    /// <summary>
    /// The conversation the memory came from; <c>default_session</c> for knowledge-base memories
    /// (<c>conversation_id</c>).
    /// </summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The memory's lifecycle state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>
    /// Relevance to the query, 0 to 1 (<c>relativity</c>); results come highest first. Some versions send it as a
    /// string, which is read too.
    /// </summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
