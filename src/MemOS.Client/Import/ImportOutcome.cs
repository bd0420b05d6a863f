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
    /// processed (a timeout, a lost connection, a 5xx), and reading the conversation back did not
    /// settle it (or settling was off). MemOS has no idempotency key, so it is never sent again
    /// blindly: a later run tries to settle it by reading the conversation back.
    /// </summary>
    MayHaveBeenApplied,

    /// <summary>
    /// The request was about to be sent. As the last entry for its messages it means the run
    /// stopped (a crash, a kill) before the answer was recorded: the request may have been applied,
    /// and a later run settles it by reading the conversation back.
    /// </summary>
    Sending,

    /// <summary>
    /// The messages were certainly not applied (rejected, rate-limited to the end, or found missing when settled); a
    /// later run sends them again.
    /// </summary>
    NotApplied,
}
