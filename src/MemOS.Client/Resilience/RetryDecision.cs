using MemOS.Client.Transport;
using Polly.Timeout;

namespace MemOS.Client.Resilience;

/// <summary>
/// Whether an attempt may be repeated, read from the same verdict the caller's exception is built
/// from. Writes are repeated only when the outcome proves the service did not process them; reads
/// on any transient failure.
/// </summary>
internal static class RetryDecision
{
    public static bool ShouldRetry(MemOSCall? call, ResponseVerdict? verdict, Exception? exception, TimeSpan maxRetryAfter)
    {
        var isWrite = call?.Operation.IsWrite ?? true;
        if (exception is not null)
        {
            return NeverReachedService(exception) || (!isWrite && IsTransientFailure(exception));
        }

        if (verdict is not { Kind: VerdictKind.Failure })
        {
            return false;
        }

        if (verdict.IsRateLimited)
        {
            // A rate-limited request was not processed, so even a write may be repeated, after the wait
            // asked for. Beyond the clamp, or past the call's own timeout, the caller decides: the call
            // fails at once with the wait in RetryAfter.
            return verdict.RetryAfter is not { } wait || (wait <= maxRetryAfter && call?.EndsAfterDeadline(wait) != true);
        }

        return !isWrite && verdict.Error.IsTransient;
    }

    /// <summary>Failures that happen before a byte of the request reaches the service.</summary>
    public static bool NeverReachedService(Exception? exception)
        => exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError };

    public static string Describe(ResponseVerdict? verdict, Exception? exception)
        => exception is not null
            ? exception is HttpRequestException http ? $"network: {http.HttpRequestError}" : exception.GetType().Name
            : verdict is null ? "no answer"
            : verdict.Code is { } code and not 0 and not 200 ? $"HTTP {(int)verdict.Status}, code {code}" : $"HTTP {(int)verdict.Status}";

    private static bool IsTransientFailure(Exception exception)
        => exception is HttpRequestException or IOException or TimeoutRejectedException;
}
