using Polly.RateLimiting;
using Polly.Timeout;

namespace MemOS.Client.Errors;

/// <summary>
/// The row of each kind of failure that arrives as an exception (network, timeouts, the local rate
/// budget, data of the wrong shape), the caller's cancellation aside: the one statement of whether
/// it is transient, whether it proves nothing was processed, and whether another attempt may follow now.
/// </summary>
internal static class FailureTable
{
    /// <summary>
    /// A connection never made, or a name never resolved: not a byte of the request reached the service.
    /// </summary>
    public static FailureRow NeverConnected { get; } = new(Transient: true, ProvesNotProcessed: true);

    /// <summary>
    /// The exchange failed after the connection was made (the answer ended early, TLS failed, HTTP was invalid).
    /// </summary>
    public static FailureRow ExchangeFailed { get; } = new(Transient: true, ProvesNotProcessed: false);

    /// <summary>The connection broke while the answer was read.</summary>
    public static FailureRow ConnectionLost { get; } = new(Transient: true, ProvesNotProcessed: false);

    /// <summary>One attempt took longer than the resilience handler's per-attempt limit.</summary>
    public static FailureRow AttemptTimedOut { get; } = new(Transient: true, ProvesNotProcessed: false);

    /// <summary>The call's own limit (or the HttpClient's) fired: there is no time left for another attempt.</summary>
    public static FailureRow CallTimedOut { get; } = new(
        Transient: true,
        ProvesNotProcessed: false,
        MayRepeatNow: false);

    /// <summary>
    /// The local rate budget refused a permit: nothing was sent, and another attempt now would meet the same full
    /// queue.
    /// </summary>
    public static FailureRow BudgetRefused { get; } = new(
        Transient: true,
        ProvesNotProcessed: true,
        MayRepeatNow: false);

    /// <summary>
    /// Data that did not become the result (a list item that is null, an unexpected shape), or any other exception.
    /// </summary>
    public static FailureRow NotUnderstood { get; } = new(Transient: false, ProvesNotProcessed: false);

    /// <summary>The row of <paramref name="exception"/>; a <see cref="MemOSException"/> carries its own.</summary>
    public static FailureRow Of(Exception exception) => exception switch
    {
        MemOSException failure => new(failure.IsTransient, failure.ProvesNotProcessed),
        HttpRequestException http => IsNeverConnected(http) ? NeverConnected : ExchangeFailed,
        IOException => ConnectionLost,
        TimeoutRejectedException => AttemptTimedOut,
        RateLimiterRejectedException => BudgetRefused,
        OperationCanceledException => CallTimedOut,
        _ => NotUnderstood,
    };

    /// <summary>
    /// Whether a connection was never made (or a name never resolved): the SDK's one reading of it, shared with the
    /// CLI.
    /// </summary>
    public static bool IsNeverConnected(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError;
}
