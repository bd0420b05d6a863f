using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Chat;

/// <summary>
/// The body of <c>POST /chat</c>: an answer from a MemOS-hosted model that recalls
/// the user's memories first. The same request serves <see cref="IMemOSClient.ChatAsync"/> and
/// <see cref="IMemOSClient.ChatStreamAsync"/>; the SDK sets <c>stream</c> itself.
/// </summary>
public sealed record ChatRequest : IValidatedRequest
{
    /// <summary>The user (<c>user_id</c>), at most 100 characters.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The conversation (<c>conversation_id</c>); without it MemOS recalls across sessions.</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The user's input (<c>query</c>); with the system prompt and filter at most 8 000 tokens.</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>Narrows the memories recalled (<c>filter</c>).</summary>
    [JsonPropertyName("filter")]
    public MemoryFilter? Filter { get; init; }

    /// <summary>Knowledge bases to search (<c>knowledgebase_ids</c>); none when omitted.</summary>
    [JsonPropertyName("knowledgebase_ids")]
    public IReadOnlyList<string>? KnowledgeBaseIds { get; init; }

    /// <summary>At most this many fact memories, 1 to 25 (<c>memory_limit_number</c>).</summary>
    [JsonPropertyName("memory_limit_number")]
    public int? MemoryLimitNumber { get; init; }

    /// <summary>Whether to recall preferences (<c>include_preference</c>; service default true).</summary>
    [JsonPropertyName("include_preference")]
    public bool? IncludePreference { get; init; }

    /// <summary>At most this many preferences, 1 to 25 (<c>preference_limit_number</c>).</summary>
    [JsonPropertyName("preference_limit_number")]
    public int? PreferenceLimitNumber { get; init; }

    /// <summary>Minimum relevance of recalled memories, 0 to 1 (<c>relativity</c>).</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>The model (<c>model_name</c>; service default <c>qwen2.5-72b-instruct</c>).</summary>
    [JsonPropertyName("model_name")]
    public ChatModel? ModelName { get; init; }

    /// <summary>
    /// Replaces the built-in system prompt (<c>system_prompt</c>). Keep a <c>{memories}</c>
    /// placeholder in it, or the recalled memories are not inserted.
    /// </summary>
    [JsonPropertyName("system_prompt")]
    public string? SystemPrompt { get; init; }

    /// <summary>Output token limit (<c>max_tokens</c>; service default 8192).</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    /// <summary>Sampling temperature, 0 to 2 (<c>temperature</c>; service default 0.7).</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling, 0 to 1 (<c>top_p</c>; service default 0.95).</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; init; }

    /// <summary>
    /// Whether MemOS writes this turn and its answer into memory (<c>add_message_on_answer</c>; service default true).
    /// </summary>
    [JsonPropertyName("add_message_on_answer")]
    public bool? AddMessageOnAnswer { get; init; }

    /// <summary>The app written memories are tagged with (<c>app_id</c>).</summary>
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    /// <summary>The agent written memories are tagged with (<c>agent_id</c>).</summary>
    [JsonPropertyName("agent_id")]
    public string? AgentId { get; init; }

    /// <summary>Tags for written memories (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Custom metadata for written memories (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, string>? Info { get; init; }

    /// <summary>Also write to the project's public memory (<c>allow_public</c>).</summary>
    [JsonPropertyName("allow_public")]
    public bool? AllowPublic { get; init; }

    /// <summary>Knowledge bases written memories may go into (<c>allow_knowledgebase_ids</c>).</summary>
    [JsonPropertyName("allow_knowledgebase_ids")]
    public IReadOnlyList<string>? AllowKnowledgeBaseIds { get; init; }

    /// <summary>
    /// Whether the memory write runs asynchronously (<c>async_mode</c>; documented only for the write step).
    /// </summary>
    [JsonPropertyName("async_mode")]
    public bool? AsyncMode { get; init; }

    /// <summary>Undocumented for chat (<c>include_tool_memory</c>); chat does not use tool memory today.</summary>
    [JsonPropertyName("include_tool_memory")]
    public bool? IncludeToolMemory { get; init; }

    /// <summary>Undocumented for chat (<c>tool_memory_limit_number</c>).</summary>
    [JsonPropertyName("tool_memory_limit_number")]
    public int? ToolMemoryLimitNumber { get; init; }

    /// <summary>Undocumented (<c>internet_search</c>); sent only when set.</summary>
    [JsonPropertyName("internet_search")]
    public bool? InternetSearch { get; init; }

    /// <summary>Undocumented (<c>force_stop</c>); sent only when set.</summary>
    [JsonPropertyName("force_stop")]
    public bool? ForceStop { get; init; }

    /// <summary>Undocumented (<c>use_mem_os_cube</c>); sent only when set.</summary>
    [JsonPropertyName("use_mem_os_cube")]
    public bool? UseMemOSCube { get; init; }

    /// <summary>A free-form label of the calling integration (<c>source</c>; undocumented).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Extra body fields to send as given, for service fields this SDK does not model yet.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    // Set by the client, never by callers: the method chosen decides the response format.
    [JsonInclude]
    [JsonPropertyName("stream")]
    internal bool Stream { get; init; }

    void IValidatedRequest.Validate()
    {
        Guard.RequiredId(UserId, "user_id");
        Guard.Id(ConversationId, "conversation_id");
        Guard.Required(Query, "query");
        Guard.Range(MemoryLimitNumber, 1, MemOSLimits.MaxRecallLimit, "memory_limit_number");
        Guard.Range(PreferenceLimitNumber, 1, MemOSLimits.MaxRecallLimit, "preference_limit_number");
        Guard.Range(Relativity, 0, 1, "relativity");
        Guard.Range(Temperature, 0, 2, "temperature");
        Guard.Range(TopP, 0, 1, "top_p");
        Guard.Range(MaxTokens, 1, int.MaxValue, "max_tokens");
    }
}
