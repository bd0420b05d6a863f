using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>One binding of a profile template to a user or agent (<c>bind_list[]</c> item).</summary>
public sealed record ProfileBinding
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

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
