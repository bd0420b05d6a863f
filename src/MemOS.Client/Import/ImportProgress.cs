namespace MemOS.Client.Import;

/// <summary>A snapshot of a running import, reported after every request and every rate-limit pause.</summary>
public sealed record ImportProgress
{
    /// <summary>Items (lines of a file) read from the source so far; several may continue one conversation.</summary>
    public long ConversationsRead { get; init; }

    /// <summary>Items (lines of a file) whose every request has finished (written, skipped or failed).</summary>
    public long ConversationsDone { get; init; }

    /// <summary>
    /// Distinct conversations (a user and a conversation id) read so far, however many items hold them.
    /// </summary>
    public long Conversations { get; init; }

    /// <summary>Messages read from the source so far.</summary>
    public long MessagesRead { get; init; }

    /// <summary>Messages the service acknowledged in this run.</summary>
    public long MessagesWritten { get; init; }

    /// <summary>Messages a checkpoint showed as already handled by an earlier run, not sent again.</summary>
    public long MessagesSkipped { get; init; }

    /// <summary>Messages whose request failed in a way that leaves open whether it was applied.</summary>
    public long MessagesMayHaveBeenApplied { get; init; }

    /// <summary>Messages certainly not written.</summary>
    public long MessagesNotApplied { get; init; }

    /// <summary>Requests that may have been applied and were settled by reading their conversation back.</summary>
    public int WritesSettled { get; init; }

    /// <summary>Conversations read back with get/message to settle requests that may have been applied.</summary>
    public int ReadBacks { get; init; }

    /// <summary>Requests being sent right now.</summary>
    public int InFlight { get; init; }

    /// <summary>
    /// How many requests the import currently allows at once; it halves on a rate limit and grows while calls succeed.
    /// </summary>
    public int Concurrency { get; init; }

    /// <summary>How many times the import paused because the service said it was rate-limited.</summary>
    public int RateLimitWaits { get; init; }

    /// <summary>Time since the import started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The estimated time left, once the total is known (from <see cref="ImportOptions.ExpectedMessages"/> or the end
    /// of the source) and some messages are done.
    /// </summary>
    public TimeSpan? EstimatedRemaining { get; init; }

    /// <summary>Every message handled one way or another.</summary>
    public long MessagesDone => MessagesWritten + MessagesSkipped + MessagesMayHaveBeenApplied + MessagesNotApplied;
}
