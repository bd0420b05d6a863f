using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Answers;

namespace MemOS.Client.Profiles;

/// <summary>The <c>data</c> of an update/profile_template answer.</summary>
public sealed record UpdateProfileTemplateResult : IOperationOutcome
{
    /// <summary>Whether the update succeeded (<c>success</c>).</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>The template (<c>profile_template_id</c>).</summary>
    [JsonPropertyName("profile_template_id")]
    public string? ProfileTemplateId { get; init; }

    /// <summary>How many bound profiles changed with it (<c>affected_instances</c>).</summary>
    [JsonPropertyName("affected_instances")]
    public int? AffectedInstances { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    string? IOperationOutcome.OutcomeStatus => null;
}
