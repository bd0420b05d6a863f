using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A preference memory (<c>preference_detail_list</c> item).</summary>
public sealed record PreferenceDetail : MemoryItem
{
    /// <summary>The preference, in words (<c>preference</c>).</summary>
    [JsonPropertyName("preference")]
    public string? Preference { get; init; }

    /// <summary>Whether the preference was stated or inferred (<c>preference_type</c>).</summary>
    [JsonPropertyName("preference_type")]
    public PreferenceType? PreferenceType { get; init; }

    /// <summary>Why MemOS concluded this preference (<c>reasoning</c>).</summary>
    [JsonPropertyName("reasoning")]
    public string? Reasoning { get; init; }

    /// <summary>The source messages (get/memory only) (<c>sources</c>).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<JsonElement>? Sources { get; init; }

    /// <summary>Custom metadata (get/memory only) (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }
}
