using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The body of <c>POST /update/memory</c>: a manual edit of a fact, preference, event or profile value. At least one of
/// content, title and status is required.
/// </summary>
public sealed record UpdateMemoryRequest : IValidatedRequest
{
    /// <summary>The memory to edit, an <c>id</c> from search or get (<c>memory_id</c>).</summary>
    [JsonPropertyName("memory_id")]
    public required string MemoryId { get; init; }

    /// <summary>The new content (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>The new title (<c>title</c>).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The new lifecycle state (in most schema versions) (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(MemoryId, "memory_id");
        if (Content is null && Title is null && Status is null)
        {
            throw new ArgumentException(
                "update/memory needs at least one of content, title or status.",
                nameof(Content));
        }
    }
}
