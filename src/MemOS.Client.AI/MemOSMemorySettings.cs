using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>
/// What every MemOS memory integration shares: how memories are recalled before the model answers,
/// how they are put before it, and how the turn is written back after. See
/// <see cref="MemOSMemoryOptions"/> for chat clients.
/// </summary>
public abstract class MemOSMemorySettings
{
    /// <summary>
    /// The default <see cref="Template"/>. It tells the model that what the user said outweighs
    /// what the assistant inferred earlier, because recalled memories mix both.
    /// </summary>
    public const string DefaultTemplate =
        """
        Long-term memory about this user, recalled for their latest message. Use it where it helps the reply, without mentioning that you have a memory.
        What the user stated themselves outweighs what the assistant inferred or suggested in earlier conversations: when they disagree, follow the user's own words.

        Facts:
        {memories}

        Preferences:
        {preferences}
        """;

    /// <summary>
    /// The text that carries the recalled memories to the model. <c>{memories}</c> is replaced by
    /// the facts and <c>{preferences}</c> by the preferences (each marked as stated or inferred),
    /// one <c>- </c> line each. Nothing is added when nothing is recalled.
    /// </summary>
    public string Template { get; set; } = DefaultTemplate;

    /// <summary>At most this many facts to recall, 1 to 25; the service default when null.</summary>
    public int? MemoryLimitNumber { get; set; }

    /// <summary>At most this many preferences to recall, 1 to 25; the service default when null.</summary>
    public int? PreferenceLimitNumber { get; set; }

    /// <summary>Minimum relevance of recalled memories, 0 to 1; the service default (0.45) when null.</summary>
    public double? Relativity { get; set; }

    /// <summary>
    /// Whether each answered turn (the caller's messages and the answer) is written into MemOS. Default
    /// <see langword="true"/>.
    /// </summary>
    public bool WriteBack { get; set; } = true;

    /// <summary>
    /// Whether the call waits for its turn to be written before returning the answer (or ending the
    /// stream). Default <see langword="false"/>: the answer returns as soon as the model is done and the
    /// turn is written in the background, so a slow MemOS never delays a reply. Set it when the next
    /// call must recall this turn (read-your-writes), e.g. in a test or a scripted conversation.
    /// </summary>
    public bool AwaitWriteBack { get; set; }

    /// <summary>
    /// At most this many turns wait to be written in the background; a turn that finds the queue full
    /// is not stored, and is logged and counted (metric <c>memos.client.write_back.dropped</c>). Default 1000.
    /// </summary>
    public int WriteBackQueueLimit { get; set; } = 1000;

    /// <summary>
    /// The longest the recall before an answer may delay the model, and the longest each write after
    /// it may take; past it the answer goes on without memory, or the turn is not stored (fail open).
    /// Disposing (or the host stopping) waits this long at most for the turns still queued. Default 10 seconds.
    /// </summary>
    public TimeSpan MemoryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where failed recalls and writes are logged (type, code and trace id; never text or the key). Nowhere when null.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
