using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The body of get/profile_template and delete/profile_template.</summary>
internal sealed record ProfileTemplateIdRequest : IValidatedRequest
{
    /// <summary>The template (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public required string ProfileTemplateId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(ProfileTemplateId, "profile_template_id");
    }
}
