using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The <c>data</c> of a get/profile_template answer.</summary>
public sealed record GetProfileTemplateResult
{
    /// <summary>The template (<c>profile_template</c>).</summary>
    [JsonPropertyName("profile_template")]
    public ProfileTemplate? ProfileTemplate { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
