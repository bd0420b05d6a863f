using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The body of <c>POST /delete/profile</c>: deletes one subject's profile instance.</summary>
public sealed record DeleteProfileRequest : IValidatedRequest
{
    /// <summary>The template (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public required string ProfileTemplateId { get; init; }

    /// <summary>The user; give this or the agent (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The agent; give this or the user (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(ProfileTemplateId, "profile_template_id");
        Guard.ExactlyOne("user_id or agent_id", UserId, AgentId);
    }
}
