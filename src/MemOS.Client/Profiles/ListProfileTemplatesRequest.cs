using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>The body of <c>POST /list/profile_template</c>.</summary>
public sealed record ListProfileTemplatesRequest : IValidatedRequest
{
    /// <summary>The page, from 1 (<c>page</c>).</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Templates per page, 1 to 100 (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Range(Page, 1, int.MaxValue, "page");
        Guard.Range(Size, 1, 100, "size");
    }
}
