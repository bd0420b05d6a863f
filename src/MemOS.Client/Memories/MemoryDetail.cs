using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A fact memory (<c>memory_detail_list</c> item, SPEC §11).</summary>
public sealed record MemoryDetail
{
    /// <summary>The memory id, for get, update and delete (<c>id</c>)</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The memory's title (<c>memory_key</c>)</summary>
    [JsonPropertyName("memory_key")]
    public string? MemoryKey { get; init; }

    /// <summary>The memory's text (<c>memory_value</c>)</summary>
    [JsonPropertyName("memory_value")]
    public string? MemoryValue { get; init; }

    /// <summary>The kind of memory (<c>memory_type</c>)</summary>
    [JsonPropertyName("memory_type")]
    public MemoryType? MemoryType { get; init; }

    /// <summary>When the memory was created; epoch milliseconds or a date text (<c>create_time</c>)</summary>
    [JsonPropertyName("create_time")]
    public MemOSTimestamp? CreateTime { get; init; }

    /// <summary>When the memory was last updated (<c>update_time</c>)</summary>
    [JsonPropertyName("update_time")]
    public MemOSTimestamp? UpdateTime { get; init; }

    /// <summary>The conversation the memory came from; <c>default_session</c> for knowledge-base memories (<c>conversation_id</c>)</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The memory's lifecycle state (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>How sure MemOS is of the memory, 0 to 1 (<c>confidence</c>)</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Tags, including system tags such as <c>mode:fast</c> (<c>tags</c>)</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init; }

    /// <summary>Relevance to the query, 0 to 1; results come highest first (<c>relativity</c>)</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>The source messages the memory was derived from (get/memory only) (<c>sources</c>)</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<JsonElement>? Sources { get; init; }

    /// <summary>Custom metadata written with the messages (get/memory only) (<c>info</c>)</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>Fields the SDK does not model (such as the legacy <c>memory_time</c>), kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
