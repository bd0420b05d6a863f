using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The <c>data</c> of a list/profile_template answer, newest first.</summary>
public sealed record ListProfileTemplatesResult
{
    /// <summary>The templates on this page (<c>profile_templates</c>).</summary>
    [JsonPropertyName("profile_templates")]
    public IReadOnlyList<ProfileTemplateSummary> ProfileTemplates
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>How many templates there are (<c>total</c>).</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary>This page, from 1 (<c>current</c>).</summary>
    [JsonPropertyName("current")]
    public int? Current { get; init; }

    /// <summary>Templates per page (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary>The number of pages (<c>pages</c>).</summary>
    [JsonPropertyName("pages")]
    public int? Pages { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
