using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A preference memory (<c>preference_detail_list</c> item, SPEC §11).</summary>
public sealed record PreferenceDetail
{
    /// <summary>The memory id (<c>id</c>)</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The preference, in words (<c>preference</c>)</summary>
    [JsonPropertyName("preference")]
    public string? Preference { get; init; }

    /// <summary>Whether the preference was stated or inferred (<c>preference_type</c>)</summary>
    [JsonPropertyName("preference_type")]
    public PreferenceType? PreferenceType { get; init; }

    /// <summary>Why MemOS concluded this preference (<c>reasoning</c>)</summary>
    [JsonPropertyName("reasoning")]
    public string? Reasoning { get; init; }

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

    /// <summary>Relevance to the query, 0 to 1 (<c>relativity</c>)</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>The source messages (get/memory only) (<c>sources</c>)</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<JsonElement>? Sources { get; init; }

    /// <summary>Custom metadata (get/memory only) (<c>info</c>)</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
