using System.Net;
using MemOS.Client.Transport;
using Polly.Timeout;

namespace MemOS.Client.Resilience;

/// <summary>
/// Whether an attempt's outcome may be retried. Writes are retried only when the outcome proves
/// the service did not process them; everything else that is transient is retried for reads.
/// </summary>
internal static class RetryDecision
{
    private static readonly HashSet<int> RateLimitCodes = [MemOSErrorCodes.RateLimited, MemOSErrorCodes.TokenWindowExceeded];

    private static readonly HashSet<int> TransientServerCodes =
    [
        MemOSErrorCodes.InternalError, MemOSErrorCodes.OperationFailed, MemOSErrorCodes.MemoryServiceUnavailable, MemOSErrorCodes.SearchServiceUnavailable,
    ];

    public static bool ShouldRetry(MemOSOperation operation, HttpResponseMessage? response, Exception? exception, EnvelopeSignals signals, TimeSpan? retryAfter, TimeSpan maxRetryAfter)
    {
        if (exception is not null)
        {
            return NeverReachedService(exception) || (!operation.IsWrite && IsTransientFailure(exception));
        }

        if (response is null)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (IsRateLimited(response, signals))
        {
            // Beyond the clamp the caller decides: the call fails with the wait in RetryAfter.
            return retryAfter is null || retryAfter <= maxRetryAfter;
        }

        if (operation.IsWrite)
        {
            return false;
        }

        return status == (int)HttpStatusCode.RequestTimeout
               || status >= 500
               || (status == 200 && signals.Code is { } serverCode && TransientServerCodes.Contains(serverCode));
    }

    /// <summary>HTTP 429, or a rate-limit code inside HTTP 200.</summary>
    public static bool IsRateLimited(HttpResponseMessage response, EnvelopeSignals signals)
        => response.StatusCode == HttpStatusCode.TooManyRequests
           || (response.StatusCode == HttpStatusCode.OK && signals.Code is { } code && RateLimitCodes.Contains(code));

    /// <summary>Failures that happen before a byte of the request reaches the service.</summary>
    public static bool NeverReachedService(Exception? exception)
        => exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError };

    public static string Describe(HttpResponseMessage? response, Exception? exception, EnvelopeSignals signals)
        => exception is not null
            ? exception is HttpRequestException http ? $"network: {http.HttpRequestError}" : exception.GetType().Name
            : signals.Code is { } code and not 0 and not 200 ? $"HTTP {(int)response!.StatusCode}, code {code}" : $"HTTP {(int)response!.StatusCode}";

    private static bool IsTransientFailure(Exception exception)
        => exception is HttpRequestException or IOException or TimeoutRejectedException;
}
