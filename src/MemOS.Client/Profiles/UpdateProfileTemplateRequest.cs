using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The body of <c>POST /update/profile_template</c>; changes reach every bound profile.</summary>
public sealed record UpdateProfileTemplateRequest : IValidatedRequest
{
    /// <summary>The template (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public required string ProfileTemplateId { get; init; }

    /// <summary>The name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The complete field set (<c>metadata</c>).</summary>
    [JsonPropertyName("metadata")]
    public required ProfileMetadata Metadata { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(ProfileTemplateId, "profile_template_id");
        Guard.Required(Name, "name");
        if (Metadata is null || Metadata.IsEmpty)
        {
            throw new ArgumentException("metadata is required and must hold at least one field.", nameof(Metadata));
        }
    }
}
