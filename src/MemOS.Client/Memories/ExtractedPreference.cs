using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A preference extract/memory found (not stored; no id).</summary>
public sealed record ExtractedPreference
{
    /// <summary>The preference (<c>preference</c>).</summary>
    [JsonPropertyName("preference")]
    public string? Preference { get; init; }

    /// <summary>Why (<c>reasoning</c>).</summary>
    [JsonPropertyName("reasoning")]
    public string? Reasoning { get; init; }

    /// <summary>Stated or inferred (<c>preference_type</c>).</summary>
    [JsonPropertyName("preference_type")]
    public PreferenceType? PreferenceType { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
