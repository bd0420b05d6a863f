namespace MemOS.Client.Import;

/// <summary>How <see cref="MemOSImportExtensions.ImportAsync"/> splits and paces the work.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The most requests in flight at once, the ceiling of the adaptive concurrency. Default 8; the
    /// service recommends at most 50 requests per second per account.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Requests in flight at the start; the import grows from here while calls succeed. Default 2.</summary>
    public int InitialConcurrency { get; set; } = 2;

    /// <summary>The most messages in one add/message request. Default 50.</summary>
    public int MaxMessagesPerRequest { get; set; } = MemOSLimits.MaxPageSize;

    /// <summary>
    /// The most estimated tokens in one add/message request; the service accepts 40 000. Tokens are
    /// estimated on the high side: one per three ASCII characters, one per other character (a
    /// Chinese character is about one token), plus 8 per message for its role and framing. A
    /// single message larger than this is not sent and is reported as not applied. Default 40 000.
    /// </summary>
    public int MaxTokensPerRequest { get; set; } = MemOSLimits.MaxRequestTokens;

    /// <summary>
    /// How long to pause all requests after a rate limit when the service did not say. Default 1 second.
    /// </summary>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times the client may send one request again, in place of its own
    /// <see cref="MemOSRetryOptions.MaxRetries"/>: after a rate limit (once the service's
    /// <c>Retry-After</c> has passed) or a failure that provably never reached the service. The
    /// client decides what is safe to send again, as for any call. It also bounds settling (see
    /// <see cref="SettleAmbiguousWrites"/>): messages a read-back shows missing are sent again at most
    /// this many times, then reported not applied. From 0 to 10, as <see cref="MemOSRetryOptions.MaxRetries"/>; default
    /// 10.
    /// </summary>
    public int MaxRetriesPerRequest { get; set; } = MemOSLimits.MaxRetries;

    /// <summary>
    /// Whether a request that may have been applied (a lost connection, a timeout, a 5xx) is settled
    /// by reading the conversation back with get/message: messages found there count as written, and
    /// exactly the missing ones are sent again, in order. Requests an earlier run left uncertain (it
    /// was killed, say) are settled the same way. Settling assumes nothing else writes to the
    /// conversation while it is imported; when something does, the read-back no longer fits and the
    /// request stays in <see cref="ImportReport.MayHaveBeenApplied"/> with the reason. Default true.
    /// </summary>
    public bool SettleAmbiguousWrites { get; set; } = true;

    /// <summary>
    /// How long to wait before reading a conversation back to settle a request, so that a request the
    /// service is still processing has landed by then. Default 2 seconds.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// For <see cref="MemOSImportExtensions.ImportJsonLinesAsync"/>: import the valid lines and list the
    /// invalid ones in <see cref="ImportReport.InvalidLines"/>, instead of writing nothing when a line
    /// is invalid. Default false.
    /// </summary>
    public bool SkipInvalid { get; set; }

    /// <summary>Records what was written, so that a later run sends only what is missing; none when null.</summary>
    public IImportCheckpoint? Checkpoint { get; set; }

    /// <summary>
    /// The number of messages the source holds, when known, for the progress's time estimate; without
    /// it the estimate appears once the source has been read to the end.
    /// </summary>
    public long? ExpectedMessages { get; set; }

    /// <summary>Sent as <c>async_mode</c> on every request; the service default (asynchronous) when null.</summary>
    public bool? AsyncMode { get; set; }

    /// <summary>The clock for rate-limit pauses and the time estimate; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialConcurrency, 1, nameof(InitialConcurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InitialConcurrency, MaxConcurrency, nameof(InitialConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessagesPerRequest, 1, nameof(MaxMessagesPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokensPerRequest, 16, nameof(MaxTokensPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(RateLimitDelay, TimeSpan.Zero, nameof(RateLimitDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetriesPerRequest, 0, nameof(MaxRetriesPerRequest));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            MaxRetriesPerRequest,
            MemOSLimits.MaxRetries,
            nameof(MaxRetriesPerRequest));
        ArgumentOutOfRangeException.ThrowIfLessThan(SettleDelay, TimeSpan.Zero, nameof(SettleDelay));
    }
}
