using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// One memory fetched by id (<c>GET /get/memory/{memory_id}</c>). Event memories can be fetched this way; profile
/// memories cannot.
/// </summary>
public sealed record GetMemoryByIdResult
{
    /// <summary>The memory id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The memory's category (<c>memory_view</c>).</summary>
    [JsonPropertyName("memory_view")]
    public MemoryView? MemoryView { get; init; }

    /// <summary>The memory's title (<c>title</c>).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The memory's content; any JSON, usually a string (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public JsonElement? Content { get; init; }

    /// <summary>The conversation it came from (<c>conversation_id</c>).</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The source messages (<c>message_ids</c>).</summary>
    [JsonPropertyName("message_ids")]
    public IReadOnlyList<string> MessageIds { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>The lifecycle state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>Whether MemOS may still change it on its own (<c>algorithm_updatable</c>).</summary>
    [JsonPropertyName("algorithm_updatable")]
    public bool? AlgorithmUpdatable { get; init; }

    /// <summary>When it was created (<c>created_at</c>).</summary>
    [JsonPropertyName("created_at")]
    public MemOSTimestamp? CreatedAt { get; init; }

    /// <summary>When it was last updated (<c>updated_at</c>).</summary>
    [JsonPropertyName("updated_at")]
    public MemOSTimestamp? UpdatedAt { get; init; }

    /// <summary>Its user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Its agent (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Tags (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Custom metadata (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
