using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A tool memory: a tool schema or a tool-use trajectory (<c>tool_memory_detail_list</c> item, SPEC §11).</summary>
public sealed record ToolMemoryDetail
{
    /// <summary>The memory id (<c>id</c>)</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Schema or trajectory (<c>tool_type</c>)</summary>
    [JsonPropertyName("tool_type")]
    public ToolMemoryType? ToolType { get; init; }

    /// <summary>The schema (a JSON object) or the trajectory (a string); any JSON is kept (<c>tool_value</c>)</summary>
    [JsonPropertyName("tool_value")]
    public JsonElement? ToolValue { get; init; }

    /// <summary>Per-tool outcomes of a trajectory (<c>tool_used_status</c>)</summary>
    [JsonPropertyName("tool_used_status")]
    public IReadOnlyList<ToolUsage> ToolUsedStatus { get => field ?? []; init; }

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

    /// <summary>Trajectory-level guidance for similar tasks (<c>experience</c>)</summary>
    [JsonPropertyName("experience")]
    public string? Experience { get; init; }

    /// <summary>Where the memory came from (get/memory only) (<c>source</c>)</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Custom metadata (get/memory only) (<c>info</c>)</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
