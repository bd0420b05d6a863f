namespace MemOS.Client.Import;

/// <summary>
/// What a checkpoint records about one request's messages. A request gets <see cref="Sending"/>
/// just before it goes out and one of the others when its answer is known; for the same messages
/// the last entry counts.
/// </summary>
public enum ImportOutcome
{
    /// <summary>The service acknowledged the write.</summary>
    Written,

    /// <summary>
    /// The request reached the service and failed in a way that does not say whether it was
    /// processed (a timeout, a lost connection, a 5xx). It is never sent again by the import, since
    /// MemOS has no idempotency key; check with get/message or search before writing it by hand.
    /// </summary>
    MayHaveBeenApplied,

    /// <summary>
    /// The request was about to be sent. As the last entry for its messages it means the run
    /// stopped (a crash, a kill) before the answer was recorded: the request may have been applied.
    /// </summary>
    Sending,

    /// <summary>The request was certainly not applied (rate-limited, rejected); a later run sends it again.</summary>
    NotApplied,
}
