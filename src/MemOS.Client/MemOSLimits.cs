namespace MemOS.Client;

/// <summary>
/// The limits the MemOS service documents (and the SDK checks before sending), in one place: the
/// SDK's request validation, bulk import and export, the <c>memos</c> tool, its MCP server and the
/// emulator all read them from here.
/// </summary>
public static class MemOSLimits
{
    /// <summary>
    /// The longest <c>user_id</c>, <c>conversation_id</c> or other id the service accepts, in characters: 100.
    /// </summary>
    public const int MaxIdLength = 100;

    /// <summary>
    /// The most ids in one group (several users or agents in a group chat), and the most bindings in one request: 20.
    /// </summary>
    public const int MaxGroupIds = 20;

    /// <summary>The most memories (or preferences, tool memories, skills) one search or chat may recall: 25.</summary>
    public const int MaxRecallLimit = 25;

    /// <summary>
    /// The most items one page of <c>get/memory</c> returns, and the most messages <c>get/message</c>
    /// returns: the 50 most recent of a conversation, a window that cannot be paged further back: 50.
    /// </summary>
    public const int MaxPageSize = 50;

    /// <summary>The most files one knowledge-base upload may carry: 20.</summary>
    public const int MaxUploadFiles = 20;

    /// <summary>The largest file one knowledge-base upload may carry, in bytes: 100 MB.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    /// <summary>The most bytes one knowledge-base upload may carry in all: 300 MB.</summary>
    public const long MaxUploadBytes = 300L * 1024 * 1024;

    /// <summary>
    /// The most tokens the service accepts in one <c>add/message</c> request (and in one search query): 40 000.
    /// </summary>
    public const int MaxRequestTokens = 40_000;

    /// <summary>
    /// The most times the SDK sends one request again after a failure (<see cref="MemOSRetryOptions.MaxRetries"/>, and
    /// the import's own retries): 10.
    /// </summary>
    public const int MaxRetries = 10;
}
