using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The <c>data</c> of an add/profile_template answer.</summary>
public sealed record AddProfileTemplateResult
{
    /// <summary>The new template's id (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public string? ProfileTemplateId { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
