using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The value of one profile attribute.</summary>
public sealed record ProfileFieldValue
{
    /// <summary>The value; empty for a template field not filled yet (<c>value</c>).</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>
    /// Whether MemOS may change the value from conversations; false locks it (<c>algorithm_updatable</c>).
    /// </summary>
    [JsonPropertyName("algorithm_updatable")]
    public bool? AlgorithmUpdatable { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
