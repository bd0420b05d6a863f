using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/get_memory</c> (the server's
/// <c>GetMemoryRequest</c>): the memories of a cube, without a query. Optional fields left null
/// are not sent, so the server applies its own defaults; the server ignores keys it does not know,
/// so <see cref="AdditionalProperties"/> is only for fields newer than this SDK.
/// </summary>
public sealed record ServerGetMemoryRequest : IValidatedRequest
{
    /// <summary>The cube to list (<c>mem_cube_id</c>).</summary>
    [JsonPropertyName("mem_cube_id")]
    public required string MemCubeId { get; init; }

    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Whether to list preferences too (<c>include_preference</c>; server default true).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>Whether to list tool memories too (<c>include_tool_memory</c>; server default true).</summary>
    [JsonPropertyName("include_tool_memory")]
    public bool? IncludeToolMemory { get; init; }

    /// <summary>Whether to list skill memories too (<c>include_skill_memory</c>; server default true).</summary>
    [JsonPropertyName("include_skill_memory")]
    public bool? IncludeSkillMemory { get; init; }

    /// <summary>The page, from 1 (<c>page</c>); everything when omitted.</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Memories per page (<c>page_size</c>).</summary>
    [JsonPropertyName("page_size")]
    public int? PageSize { get; init; }

    /// <summary>
    /// Narrows the memories listed (<c>filter</c>); give the server's nested grammar with
    /// <see cref="MemoryFilter.FromJson(string)"/>.
    /// </summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(MemCubeId, "mem_cube_id");
        Guard.Range(Page, 1, int.MaxValue, "page");
        Guard.Range(PageSize, 1, int.MaxValue, "page_size");
    }
}
