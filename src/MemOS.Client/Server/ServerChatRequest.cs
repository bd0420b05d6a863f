using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/chat/stream</c> (its <c>ChatRequest</c>)
/// and <c>POST /product/chat/complete</c> (its <c>APIChatCompleteRequest</c>, which names the same
/// fields): an answer from one of the server's models that recalls memories from the given
/// cubes first. Optional fields left null are not sent, so the server applies its own defaults.
/// Both routes read every field except <see cref="MaxTokens"/>, <see cref="Temperature"/>,
/// <see cref="TopP"/> and <c>Moscube</c>, which neither passes on; in addition the stream
/// ignores <see cref="Threshold"/>, and chat/complete ignores <c>MemCubeId</c> (its cube lists
/// default to the user's own cube).
/// </summary>
public sealed record ServerChatRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The user's input (<c>query</c>).</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>
    /// The cubes to search (<c>readable_cube_ids</c>); the server uses the user's own cube when omitted.
    /// </summary>
    [JsonPropertyName("readable_cube_ids")]
    public IReadOnlyList<string>? ReadableCubeIds { get; init; }

    /// <summary>
    /// The cubes the turn is written into (<c>writable_cube_ids</c>); the server uses the user's own cube when omitted.
    /// </summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>Earlier turns, oldest first (<c>history</c>); the server uses only the last 20.</summary>
    [JsonPropertyName("history")]
    public IReadOnlyList<ServerMessage>? History { get; init; }

    /// <summary>The search mode (<c>mode</c>; server default <c>fast</c>).</summary>
    [JsonPropertyName("mode")]
    public ServerSearchMode? Mode { get; init; }

    /// <summary>The base system prompt (<c>system_prompt</c>).</summary>
    [JsonPropertyName("system_prompt")]
    public string? SystemPrompt { get; init; }

    /// <summary>How many memories to recall (<c>top_k</c>; server default 10).</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    /// <summary>
    /// The session (<c>session_id</c>): boosts its memories without filtering, and receives the
    /// written turn (the server writes to <c>default_session</c> when omitted).
    /// </summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>Whether to recall preferences (<c>include_preference</c>; server default true).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>How many preferences to recall (<c>pref_top_k</c>; server default 6).</summary>
    [JsonPropertyName("pref_top_k")]
    public int? PrefTopK { get; init; }

    /// <summary>
    /// The model (<c>model_name_or_path</c>); must be one of the server's chat models. The
    /// server's first configured model when omitted; an unknown model fails the stream with an
    /// error event.
    /// </summary>
    [JsonPropertyName("model_name_or_path")]
    public string? ModelNameOrPath { get; init; }

    /// <summary>
    /// Output token limit (<c>max_tokens</c>); accepted, but neither chat route passes it to the model.
    /// </summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>
    /// Sampling temperature (<c>temperature</c>); accepted, but neither chat route passes it to the model.
    /// </summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling (<c>top_p</c>); accepted, but neither chat route passes it to the model.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>
    /// Whether the query and answer are written into memory after the answer (<c>add_message_on_answer</c>; server
    /// default true).
    /// </summary>
    [JsonPropertyName("add_message_on_answer")]
    public bool? AddMessageOnAnswer { get; init; }

    /// <summary>The managing user (<c>manager_user_id</c>).</summary>
    [JsonPropertyName("manager_user_id")]
    public string? ManagerUserId { get; init; }

    /// <summary>The project (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>Minimum relevance of recalled memories, at least 0 (<c>relativity</c>; server default 0.45).</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>
    /// Narrows the memories recalled (<c>filter</c>). The server's grammar nests <c>and</c> /
    /// <c>or</c> over fields such as <c>id</c> and <c>created_at</c>, so give it as JSON with
    /// <see cref="MemoryFilter.FromJson(string)"/>, e.g.
    /// <c>{"and":[{"id":"uuid-xxx"},{"created_at":{"gt":"2024-01-01"}}]}</c>.
    /// </summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Whether to search the internet too (<c>internet_search</c>; server default false).</summary>
    [JsonPropertyName("internet_search")]
    public bool? InternetSearch { get; init; }

    /// <summary>
    /// The lowest relevance a recalled memory needs to be given to the model (<c>threshold</c>; server default 0.5).
    /// Applied by chat/complete; the stream ignores it.
    /// </summary>
    [JsonPropertyName("threshold")]
    public double? Threshold { get; init; }

    /// <summary>Legacy MemOSCube pipeline switch (<c>moscube</c>); the server only logs a warning.</summary>
    [Obsolete("Deprecated by the MemOS server, which ignores it apart from a warning.")]
    [JsonPropertyName("moscube")]
    public bool? Moscube { get; init; }

    /// <summary>
    /// A single cube (<c>mem_cube_id</c>); the stream uses it for empty readable and writable cube lists, chat/complete
    /// ignores it.
    /// </summary>
    [Obsolete("Deprecated by the MemOS server; use ReadableCubeIds and WritableCubeIds.")]
    [JsonPropertyName("mem_cube_id")]
    public string? MemCubeId { get; init; }

    /// <summary>Extra body fields to send as given, for server fields newer than this SDK.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    void IValidatedRequest.Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(Query, "query");
        Guard.AtLeast(Relativity, 0, "relativity");
    }
}
