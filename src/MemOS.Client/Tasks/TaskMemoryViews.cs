using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Tasks;

/// <summary>What a completed task changed (<c>memory_views</c>), present only when it changed something.</summary>
public sealed record TaskMemoryViews
{
    /// <summary>Memories added (<c>added</c>).</summary>
    [JsonPropertyName("added")]
    public int? Added { get; init; }

    /// <summary>Memories updated (<c>updated</c>).</summary>
    [JsonPropertyName("updated")]
    public int? Updated { get; init; }

    /// <summary>Memories deleted or archived (<c>deleted</c>).</summary>
    [JsonPropertyName("deleted")]
    public int? Deleted { get; init; }

    /// <summary>Fact memories touched (<c>detail_factual</c>).</summary>
    [JsonPropertyName("detail_factual")]
    public TaskMemoryIds? DetailFactual { get; init; }

    /// <summary>Preferences touched (<c>preference</c>).</summary>
    [JsonPropertyName("preference")]
    public TaskMemoryIds? Preference { get; init; }

    /// <summary>Events touched (<c>event</c>).</summary>
    [JsonPropertyName("event")]
    public TaskMemoryIds? Event { get; init; }

    /// <summary>Profile attributes touched (<c>profile</c>).</summary>
    [JsonPropertyName("profile")]
    public TaskMemoryIds? Profile { get; init; }

    /// <summary>Skills touched (<c>skill</c>).</summary>
    [JsonPropertyName("skill")]
    public TaskMemoryIds? Skill { get; init; }

    /// <summary>Tool memories touched (<c>tool_memory</c>).</summary>
    [JsonPropertyName("tool_memory")]
    public TaskMemoryIds? ToolMemory { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
