using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Profiles;

namespace MemOS.Client.Memories;

/// <summary>
/// A profile instance listed by get/memory (<c>profile_detail_list</c> item): the whole attribute tree of one template
/// for one subject.
/// </summary>
public sealed record ProfileMemoryDetail
{
    /// <summary>The profile id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The project (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>The template the profile follows (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public string? ProfileTemplateId { get; init; }

    /// <summary>The attribute tree (<c>properties</c>).</summary>
    [JsonPropertyName("properties")]
    public ProfileMetadata? Properties { get; init; }

    /// <summary>The profile's lifecycle state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>When the profile was created (<c>created_at</c>).</summary>
    [JsonPropertyName("created_at")]
    public MemOSTimestamp? CreatedAt { get; init; }

    /// <summary>When the profile was last updated (<c>updated_at</c>).</summary>
    [JsonPropertyName("updated_at")]
    public MemOSTimestamp? UpdatedAt { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
