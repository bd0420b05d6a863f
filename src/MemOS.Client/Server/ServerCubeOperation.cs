using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// One entry of the self-hosted server's legacy <c>operation</c> list: what a request may do in a
/// cube. Current servers ignore the list apart from a warning; name cubes with the
/// <c>ReadableCubeIds</c> / <c>WritableCubeIds</c> of a request instead.
/// </summary>
public sealed record ServerCubeOperation
{
    /// <summary>The cube (<c>mem_cube_id</c>).</summary>
    [JsonPropertyName("mem_cube_id")]
    public string? MemCubeId { get; init; }

    /// <summary>
    /// What is allowed: <c>read</c>, <c>write</c>, <c>delete</c> or <c>execute</c> (<c>permissions</c>).
    /// </summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyList<string>? Permissions { get; init; }

    /// <summary>Fields the SDK does not model, sent as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
