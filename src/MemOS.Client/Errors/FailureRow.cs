using MemOS.Client.Api;

namespace MemOS.Client.Errors;

/// <summary>
/// What one kind of failure means, stated once: read by <see cref="Rulebook"/> to decide on a retry
/// and by the exception the failure becomes (its <see cref="MemOSException.IsTransient"/> and
/// whether a write may have been applied). Answers have theirs in <see cref="ErrorCatalog"/>;
/// failures that arrive as exceptions in <see cref="FailureTable"/>.
/// </summary>
/// <param name="Transient">Whether the same request may succeed later.</param>
/// <param name="ProvesNotProcessed">Whether the failure proves the service did not process the request, so that even a
/// write may be sent again.</param>
/// <param name="MayRepeatNow">Whether another attempt may follow at once; false when it would meet the same limit (the
/// call's time is spent, the local budget is full).</param>
internal readonly record struct FailureRow(bool Transient, bool ProvesNotProcessed, bool MayRepeatNow = true)
{
    /// <summary>
    /// The ruling on a failure of this kind on <paramref name="route"/>: repeated only when it may pass and cannot
    /// apply a change twice.
    /// </summary>
    public Ruling RulingOn(RouteFacts route)
        => new(
            Failed: true,
            Transient,
            ProvesNotProcessed,
            MayRetry: MayRepeatNow && Transient && (route.Repeatable || ProvesNotProcessed));
}
