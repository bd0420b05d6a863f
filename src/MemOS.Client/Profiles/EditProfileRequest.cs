using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>
/// The body of <c>POST /edit/profile</c>: add, change, lock or remove fields of one subject's profile.
/// </summary>
public sealed record EditProfileRequest : IValidatedRequest
{
    /// <summary>The template the profile follows (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public required string ProfileTemplateId { get; init; }

    /// <summary>The user; give this or the agent (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The agent; give this or the user (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Fields to add or update; set AlgorithmUpdatable false to lock a value (<c>metadata</c>).</summary>
    [JsonPropertyName("metadata")]
    public ProfileMetadata? Metadata { get; init; }

    /// <summary>Paths of fields to remove, <c>"Category.Field"</c> (<c>remove_fields</c>).</summary>
    [JsonPropertyName("remove_fields")]
    public IReadOnlyList<string>? RemoveFields { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(ProfileTemplateId, "profile_template_id");
        Guard.ExactlyOne("user_id or agent_id", UserId, AgentId);
        if ((Metadata is null || Metadata.IsEmpty) && (RemoveFields is null || RemoveFields.Count == 0))
        {
            throw new ArgumentException("edit/profile needs metadata or remove_fields.", nameof(Metadata));
        }
    }
}
