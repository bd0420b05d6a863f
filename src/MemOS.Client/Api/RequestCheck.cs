namespace MemOS.Client.Api;

/// <summary>
/// The check a call runs on its request before anything is sent: the row's own, or, for a request that checks itself
/// (<see cref="IValidatedRequest"/>), the shared one: it must be given, then valid.
/// </summary>
internal static class RequestCheck
{
    /// <summary>
    /// <paramref name="check"/>, or the shared check when it is null; a row that gives none for a request that does
    /// not check itself fails as its table is built, so no request goes out unchecked.
    /// </summary>
    public static Action<TRequest> Or<TRequest>(Action<TRequest>? check)
        => check
           ?? (typeof(TRequest).IsAssignableTo(typeof(IValidatedRequest))
               ? Validated
               : throw new InvalidOperationException(
                   $"{typeof(TRequest).Name} does not check itself: its row must give a check."));

    private static void Validated<TRequest>(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ((IValidatedRequest)request).Validate();
    }
}
