using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A fact extract/memory found (not stored; no id).</summary>
public sealed record ExtractedMemory
{
    /// <summary>Title (<c>memory_key</c>).</summary>
    [JsonPropertyName("memory_key")]
    public string? MemoryKey { get; init; }

    /// <summary>Text (<c>memory_value</c>).</summary>
    [JsonPropertyName("memory_value")]
    public string? MemoryValue { get; init; }

    /// <summary>Kind (<c>memory_type</c>).</summary>
    [JsonPropertyName("memory_type")]
    public MemoryType? MemoryType { get; init; }

    /// <summary>Tags (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
