using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/add</c> (the server's <c>APIADDRequest</c>):
/// messages the server turns into memories. Optional fields left null are not sent, so the
/// server applies its own defaults; the server ignores keys it does not know, so
/// <see cref="AdditionalProperties"/> is only for fields newer than this SDK.
/// </summary>
public sealed record ServerAddMemoryRequest : IValidatedRequest
{
    /// <summary>The user the memories belong to (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The messages to remember, oldest first (<c>messages</c>).</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<ServerMessage> Messages { get; init; }

    /// <summary>The cubes to write into (<c>writable_cube_ids</c>).</summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>
    /// The session the messages belong to (<c>session_id</c>); the server uses a default session when omitted.
    /// </summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>An id to follow the background processing of this write by (<c>task_id</c>).</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>The managing user (<c>manager_user_id</c>).</summary>
    [JsonPropertyName("manager_user_id")]
    public string? ManagerUserId { get; init; }

    /// <summary>The project (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>
    /// <see cref="ServerAsyncMode.Sync"/> writes the memories before the server answers
    /// (<c>async_mode</c>; server default <see cref="ServerAsyncMode.Async"/>, which queues them).
    /// </summary>
    [JsonPropertyName("async_mode")]
    public ServerAsyncMode? AsyncMode { get; init; }

    /// <summary>
    /// The pipeline of a synchronous add (<c>mode</c>). Needs <see cref="AsyncMode"/> set to
    /// <see cref="ServerAsyncMode.Sync"/>: the server drops it for an asynchronous add, so the SDK refuses that
    /// combination.
    /// </summary>
    [JsonPropertyName("mode")]
    public ServerAddMode? Mode { get; init; }

    /// <summary>Tags of the memories, usable in search filters (<c>custom_tags</c>).</summary>
    [JsonPropertyName("custom_tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>
    /// Custom metadata of the memories (<c>info</c>); every key can be used in search filters, e.g.
    /// <c>source_type</c> or <c>source_url</c>.
    /// </summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>
    /// The conversation before <see cref="Messages"/>, oldest first, as context for extraction
    /// (<c>chat_history</c>). When omitted the server uses the history it stored; an empty list is used as given.
    /// </summary>
    [JsonPropertyName("chat_history")]
    public IReadOnlyList<ServerMessage>? ChatHistory { get; init; }

    /// <summary>Marks the messages as the user's feedback (<c>is_feedback</c>; server default false).</summary>
    [JsonPropertyName("is_feedback")]
    public bool? IsFeedback { get; init; }

    /// <summary>
    /// Marks the request as uploading pre-built skill packages, linked from the messages (<c>is_upload_skill</c>;
    /// server default false).
    /// </summary>
    [JsonPropertyName("is_upload_skill")]
    public bool? IsUploadSkill { get; init; }

    /// <summary>
    /// A single cube (<c>mem_cube_id</c>); the server uses it when <see cref="WritableCubeIds"/> is empty.
    /// </summary>
    [Obsolete("Deprecated by the MemOS server; use WritableCubeIds.")]
    [JsonPropertyName("mem_cube_id")]
    public string? MemCubeId { get; init; }

    /// <summary>Plain text to remember (<c>memory_content</c>); the server appends it to the messages.</summary>
    [Obsolete("Deprecated by the MemOS server; use Messages.")]
    [JsonPropertyName("memory_content")]
    public string? MemoryContent { get; init; }

    /// <summary>A path, on the server's own disk, of a document to remember (<c>doc_path</c>).</summary>
    [Obsolete("Deprecated by the MemOS server, which reads the path on its own disk; use Messages.")]
    [JsonPropertyName("doc_path")]
    public string? DocPath { get; init; }

    /// <summary>
    /// Where the memories came from (<c>source</c>); the server copies it into <c>info["source"]</c>.
    /// </summary>
    [Obsolete("Deprecated by the MemOS server; use Info, e.g. the source_type or source_url key.")]
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Legacy per-cube permissions (<c>operation</c>); the server ignores them apart from a warning.</summary>
    [Obsolete("Deprecated by the MemOS server, which ignores it; use WritableCubeIds.")]
    [JsonPropertyName("operation")]
    public IReadOnlyList<ServerCubeOperation>? Operation { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(Messages, "messages");
        if (Mode is { } mode && AsyncMode != ServerAsyncMode.Sync)
        {
            // The server would drop the mode with only a log line, so the add would not run as asked.
            throw new ArgumentException($"mode '{mode}' applies only to a synchronous add: set AsyncMode to "
                + "ServerAsyncMode.Sync, or leave Mode null.", "mode");
        }
    }
}
