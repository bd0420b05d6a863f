using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/delete_memory</c>. SPEC names this
/// route only; the fields here are the evident ones, and <see cref="AdditionalProperties"/>
/// carries any other field the server accepts. At least one of <see cref="MemoryIds"/>,
/// <see cref="FileIds"/> and <see cref="Filter"/> says what to delete.
/// </summary>
public sealed record ServerDeleteMemoryRequest
{
    /// <summary>The memories to delete (<c>memory_ids</c>).</summary>
    [JsonPropertyName("memory_ids")]
    public IReadOnlyList<string>? MemoryIds { get; init; }

    /// <summary>The cubes to delete from (<c>writable_cube_ids</c>).</summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>Delete the memories that came from these files (<c>file_ids</c>).</summary>
    [JsonPropertyName("file_ids")]
    public IReadOnlyList<string>? FileIds { get; init; }

    /// <summary>Delete the memories this filter matches (<c>filter</c>).</summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Extra body fields to send as given, for server fields this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    internal void Validate()
    {
        // A delete that names nothing is refused here: what the server would do with it is undocumented.
        if (MemoryIds is not { Count: > 0 } && FileIds is not { Count: > 0 } && Filter is null)
        {
            throw new ArgumentException("A delete needs memory_ids, file_ids or a filter to say what to delete.");
        }
    }
}
