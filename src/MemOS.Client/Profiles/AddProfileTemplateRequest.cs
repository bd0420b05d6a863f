using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The body of <c>POST /add/profile_template</c>.</summary>
public sealed record AddProfileTemplateRequest : IValidatedRequest
{
    /// <summary>The template's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Its fields (<c>metadata</c>).</summary>
    [JsonPropertyName("metadata")]
    public required ProfileMetadata Metadata { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(Name, "name");
        if (Metadata is null || Metadata.IsEmpty)
        {
            throw new ArgumentException("metadata is required and must hold at least one field.", nameof(Metadata));
        }
    }
}
