using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/feedback</c> (the server's
/// <c>APIFeedbackRequest</c>): a natural-language correction the server applies to the user's
/// memories. Optional fields left null are not sent, so the server applies its own defaults; the
/// server ignores keys it does not know, so <see cref="AdditionalProperties"/> is only for fields
/// newer than this SDK.
/// </summary>
public sealed record ServerFeedbackRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The correction, in the user's words (<c>feedback_content</c>).</summary>
    [JsonPropertyName("feedback_content")]
    public required string FeedbackContent { get; init; }

    /// <summary>
    /// The conversation the feedback is about, oldest first (<c>history</c>); always sent, possibly empty.
    /// </summary>
    [JsonPropertyName("history")]
    public required IReadOnlyList<ServerMessage> History { get; init; }

    /// <summary>The session (<c>session_id</c>; server default <c>default_session</c>).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>An id to follow the background processing of this feedback by (<c>task_id</c>).</summary>
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    /// <summary>The memories recalled for the turn the feedback is about (<c>retrieved_memory_ids</c>).</summary>
    [JsonPropertyName("retrieved_memory_ids")]
    public IReadOnlyList<string>? RetrievedMemoryIds { get; init; }

    /// <summary>When the feedback was given, as any time text (<c>feedback_time</c>).</summary>
    [JsonPropertyName("feedback_time")]
    public string? FeedbackTime { get; init; }

    /// <summary>The cubes the correction may change (<c>writable_cube_ids</c>).</summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>
    /// <see cref="ServerAsyncMode.Sync"/> applies the correction before the server answers
    /// (<c>async_mode</c>; server default <see cref="ServerAsyncMode.Async"/>).
    /// </summary>
    [JsonPropertyName("async_mode")]
    public ServerAsyncMode? AsyncMode { get; init; }

    /// <summary>
    /// Whether the server should answer with a corrected answer (<c>corrected_answer</c>; server default false).
    /// </summary>
    [JsonPropertyName("corrected_answer")]
    public bool? CorrectedAnswer { get; init; }

    /// <summary>
    /// Custom metadata of the memories the correction writes (<c>info</c>); every key can be used in search filters.
    /// </summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }

    /// <summary>A single cube (<c>mem_cube_id</c>); the feedback route does not read it.</summary>
    [Obsolete("Deprecated by the MemOS server, whose feedback route ignores it; use WritableCubeIds.")]
    [JsonPropertyName("mem_cube_id")]
    public string? MemCubeId { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(FeedbackContent, "feedback_content");
        ArgumentNullException.ThrowIfNull(History, "history");
    }
}
