using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/delete_memory</c> (the server's
/// <c>DeleteMemoryRequest</c>). Say what to delete in exactly one way: <see cref="MemoryIds"/>,
/// <see cref="FileIds"/>, or a filter made of <see cref="Filter"/>, <see cref="UserId"/> and
/// <see cref="SessionId"/> together. The server answers any other combination with a failure
/// status and deletes nothing, so the SDK refuses it before sending.
/// </summary>
public sealed record ServerDeleteMemoryRequest : IValidatedRequest
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

    /// <summary>
    /// Delete the memories this filter matches (<c>filter</c>); combined with <see cref="UserId"/> and
    /// <see cref="SessionId"/> when those are set.
    /// </summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>
    /// Delete this user's memories (<c>user_id</c>); a filter condition, combined with <see cref="Filter"/> and
    /// <see cref="SessionId"/>.
    /// </summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>
    /// Delete this session's memories (<c>session_id</c>); a filter condition, combined with <see cref="Filter"/> and
    /// <see cref="UserId"/>.
    /// </summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>
    /// The server's older name of <see cref="SessionId"/> (<c>conversation_id</c>); when both are set they must be
    /// equal.
    /// </summary>
    [Obsolete("An alias the MemOS server keeps for compatibility; use SessionId.")]
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>
    /// Whether deleting by <see cref="MemoryIds"/> also deletes the working memories bound to them
    /// (<c>auto_cleanup_working</c>; server default false). Applies only to a delete by <see cref="MemoryIds"/>.
    /// </summary>
    [JsonPropertyName("auto_cleanup_working")]
    public bool? AutoCleanupWorking { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
#pragma warning disable CS0618 // The deprecated alias still selects a session, so it counts here.
        var conversationId = ConversationId;
#pragma warning restore CS0618
        if (SessionId is not null
            && conversationId is not null
            && !string.Equals(SessionId, conversationId, StringComparison.Ordinal))
        {
            throw new ArgumentException("session_id and conversation_id name the same thing and must be equal when "
                + "both are set; set only SessionId.", "conversation_id");
        }

        // The server takes exactly one delete mode and answers any other count with a failure status and no deletion.
        var byFilter = Filter is not null || UserId is not null || SessionId is not null || conversationId is not null;
        var modes = (MemoryIds is not null ? 1 : 0) + (FileIds is not null ? 1 : 0) + (byFilter ? 1 : 0);
        if (modes != 1)
        {
            throw new ArgumentException(modes == 0
                ? "A delete needs memory_ids, file_ids or a filter (filter, user_id, session_id) to say what to delete."
                : "A delete takes exactly one of memory_ids, file_ids or a filter (filter, user_id, session_id); the "
                    + "server deletes nothing when given more.");
        }

        if (MemoryIds is { Count: 0 } || FileIds is { Count: 0 })
        {
            throw new ArgumentException("memory_ids and file_ids, when given, must hold at least one id.", MemoryIds is
            {
                Count: 0,
            } ? "memory_ids" : "file_ids");
        }

        if (AutoCleanupWorking == true && MemoryIds is null)
        {
            throw new ArgumentException("auto_cleanup_working applies only to a delete by memory_ids; the server would "
                + "ignore it.", "auto_cleanup_working");
        }
    }
}
