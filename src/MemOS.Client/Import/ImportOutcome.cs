namespace MemOS.Client.Import;

/// <summary>What became of one request's messages, as a checkpoint records it.</summary>
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
}
