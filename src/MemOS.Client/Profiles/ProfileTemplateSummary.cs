using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client;

namespace MemOS.Client.Profiles;

/// <summary>A template as listed by list/profile_template.</summary>
public sealed record ProfileTemplateSummary
{
    /// <summary>The template id (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public string? ProfileTemplateId { get; init; }

    /// <summary>Its name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Its project (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>How many subjects it is bound to (<c>instance_count</c>).</summary>
    [JsonPropertyName("instance_count")]
    public int? InstanceCount { get; init; }

    /// <summary>When it was created (<c>create_time</c>).</summary>
    [JsonPropertyName("create_time")]
    public MemOSTimestamp? CreateTime { get; init; }

    /// <summary>When it was last updated (<c>update_time</c>).</summary>
    [JsonPropertyName("update_time")]
    public MemOSTimestamp? UpdateTime { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
