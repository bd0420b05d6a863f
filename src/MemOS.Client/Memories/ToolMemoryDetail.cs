using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A tool memory: a tool schema or a tool-use trajectory (<c>tool_memory_detail_list</c> item).</summary>
public sealed record ToolMemoryDetail : MemoryItem
{
    /// <summary>Schema or trajectory (<c>tool_type</c>).</summary>
    [JsonPropertyName("tool_type")]
    public ToolMemoryType? ToolType { get; init; }

    /// <summary>
    /// The schema (a JSON object) or the trajectory (a string); any JSON is kept (<c>tool_value</c>).
    /// </summary>
    [JsonPropertyName("tool_value")]
    public JsonElement? ToolValue { get; init; }

    /// <summary>Per-tool outcomes of a trajectory (<c>tool_used_status</c>).</summary>
    [JsonPropertyName("tool_used_status")]
    public IReadOnlyList<ToolUsage> ToolUsedStatus
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>Trajectory-level guidance for similar tasks (<c>experience</c>).</summary>
    [JsonPropertyName("experience")]
    public string? Experience { get; init; }

    /// <summary>Where the memory came from (get/memory only) (<c>source</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Custom metadata (get/memory only) (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }
}
