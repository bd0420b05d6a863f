using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A profile attribute recalled by search (<c>profile_detail_list</c> item).</summary>
public sealed record ProfileDetail
{
    /// <summary>The attribute's memory id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The attribute as text, e.g. <c>Basic Info.Occupation: Product Manager</c> (<c>memory</c>).</summary>
    [JsonPropertyName("memory")]
    public string? Memory { get; init; }

    /// <summary>Always <c>ProfileMemory</c> today (<c>memory_type</c>).</summary>
    [JsonPropertyName("memory_type")]
    public MemoryType? MemoryType { get; init; }

    /// <summary>The profile template (<c>template_id</c>).</summary>
    [JsonPropertyName("template_id")]
    public string? TemplateId { get; init; }

    /// <summary>The category, e.g. <c>Basic Info</c> (<c>profile_category</c>).</summary>
    [JsonPropertyName("profile_category")]
    public string? ProfileCategory { get; init; }

    /// <summary>The field, e.g. <c>Occupation</c> (<c>profile_field</c>).</summary>
    [JsonPropertyName("profile_field")]
    public string? ProfileField { get; init; }

    /// <summary>The path <c>Category.Field</c> (<c>profile_path</c>).</summary>
    [JsonPropertyName("profile_path")]
    public string? ProfilePath { get; init; }

    /// <summary>The attribute's lifecycle state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>When the attribute was created (<c>created_at</c>).</summary>
    [JsonPropertyName("created_at")]
    public MemOSTimestamp? CreatedAt { get; init; }

    /// <summary>When the attribute was last updated (<c>updated_at</c>).</summary>
    [JsonPropertyName("updated_at")]
    public MemOSTimestamp? UpdatedAt { get; init; }

    /// <summary>How sure MemOS is, 0 to 1 (<c>confidence</c>).</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Relevance to the query, 0 to 1 (<c>relativity</c>).</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>Whether MemOS may still change the value on its own (<c>algorithm_updatable</c>).</summary>
    [JsonPropertyName("algorithm_updatable")]
    public bool? AlgorithmUpdatable { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
