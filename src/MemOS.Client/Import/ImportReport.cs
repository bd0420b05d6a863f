namespace MemOS.Client.Import;

/// <summary>
/// What an import did. Every message read is in exactly one of: written (in this run, or found
/// there when a request was settled), skipped (written by an earlier run, per the checkpoint), may
/// have been applied, or not applied.
/// </summary>
public sealed record ImportReport
{
    /// <summary>The last progress snapshot: the counts of messages and conversations.</summary>
    public required ImportProgress Progress { get; init; }

    /// <summary>The requests the service acknowledged in this run.</summary>
    public required IReadOnlyList<ImportRange> Written { get; init; }

    /// <summary>
    /// Requests that reached the service and failed without saying whether they were processed, in
    /// this run or (per the checkpoint) an earlier one, and that reading the conversation back could
    /// not settle (or settling was off); each error says why. They are never re-sent blindly: a later
    /// run with the same checkpoint tries to settle them again.
    /// </summary>
    public required IReadOnlyList<ImportFailure> MayHaveBeenApplied { get; init; }

    /// <summary>Requests certainly not written; another run (with the same checkpoint) sends them again.</summary>
    public required IReadOnlyList<ImportFailure> NotApplied { get; init; }

    /// <summary>
    /// Lines skipped because they were invalid (<see cref="ImportOptions.SkipInvalid"/>); nothing of them was sent.
    /// </summary>
    public IReadOnlyList<ImportProblem> InvalidLines { get; init; } = [];

    /// <summary>The import stopped early because it was cancelled; requests in flight were finished first.</summary>
    public bool Cancelled { get; init; }

    /// <summary>
    /// The failure that stopped the import early because every later request would meet it too (the
    /// API key refused, the quota used up); null when nothing did. Requests in flight were finished
    /// first; what was not sent is left for a later run.
    /// </summary>
    public MemOSException? StoppedBy { get; init; }

    /// <summary>
    /// Everything read was written, in this run or an earlier one, and nothing was cancelled or stopped.
    /// </summary>
    public bool Succeeded => !Cancelled
        && StoppedBy is null
        && MayHaveBeenApplied.Count == 0
        && NotApplied.Count == 0
        && InvalidLines.Count == 0;
}
