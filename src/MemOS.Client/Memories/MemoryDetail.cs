using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// A fact memory (<c>memory_detail_list</c> item). Legacy fields such as
/// <c>memory_time</c> are kept in <see cref="MemoryItem.AdditionalProperties"/>.
/// </summary>
public sealed record MemoryDetail : MemoryItem
{
    /// <summary>The memory's title (<c>memory_key</c>).</summary>
    [JsonPropertyName("memory_key")]
    public string? MemoryKey { get; init; }

    /// <summary>The memory's text (<c>memory_value</c>).</summary>
    [JsonPropertyName("memory_value")]
    public string? MemoryValue { get; init; }

    /// <summary>The kind of memory (<c>memory_type</c>).</summary>
    [JsonPropertyName("memory_type")]
    public MemoryType? MemoryType { get; init; }

    /// <summary>How sure MemOS is of the memory, 0 to 1 (<c>confidence</c>).</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Tags, including system tags such as <c>mode:fast</c> (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>The source messages the memory was derived from (get/memory only) (<c>sources</c>).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<JsonElement>? Sources { get; init; }

    /// <summary>Custom metadata written with the messages (get/memory only) (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }
}
