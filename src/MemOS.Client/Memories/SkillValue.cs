using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The content of a skill (<c>skill_value</c>). Fields other than the name and description have been seen in several
/// shapes, so they are kept as JSON.
/// </summary>
public sealed record SkillValue
{
    /// <summary>The skill's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>What the skill does (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The steps: a string, or a list on some service versions (<c>procedure</c>).</summary>
    [JsonPropertyName("procedure")]
    public JsonElement? Procedure { get; init; }

    /// <summary>Lessons learned, normally a list of strings (<c>experience</c>).</summary>
    [JsonPropertyName("experience")]
    public JsonElement? Experience { get; init; }

    /// <summary>User preferences that apply, normally a list of strings (<c>preference</c>).</summary>
    [JsonPropertyName("preference")]
    public JsonElement? Preference { get; init; }

    /// <summary>Examples, normally a list of strings (<c>examples</c>).</summary>
    [JsonPropertyName("examples")]
    public JsonElement? Examples { get; init; }

    /// <summary>Scripts, an object (<c>script</c>).</summary>
    [JsonPropertyName("script")]
    public JsonElement? Script { get; init; }

    /// <summary>Anything else, an object (<c>others</c>).</summary>
    [JsonPropertyName("others")]
    public JsonElement? Others { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
