using System.Diagnostics;
using MemOS.Client.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MemOS.Client.HealthChecks;

/// <summary>
/// Runs one probe within a time limit and says what its outcome means for the app: the one
/// place a failure becomes a health status and a description. Descriptions name the host, the
/// code and the reason, built from the SDK's exceptions, whose messages never hold the key.
/// </summary>
internal static class HealthProbe
{
    /// <summary>
    /// Runs <paramref name="probe"/>; a caller's cancellation is thrown, everything else is a result.
    /// </summary>
    /// <param name="service">What is probed, for descriptions, e.g. <c>MemOS cloud at memos.memtensor.cn</c>.</param>
    /// <param name="timeout">How long the probe may take.</param>
    /// <param name="failureStatus">The status of a failure that means the service cannot be used (the
    /// registration's).</param>
    /// <param name="probe">The probe; it throws the SDK's exceptions on failure.</param>
    /// <param name="cancellationToken">The health check service's token.</param>
    public static async Task<HealthCheckResult> RunAsync(
        string service,
        TimeSpan timeout,
        HealthStatus failureStatus,
        Func<CancellationToken, Task> probe,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await probe(limit.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return HealthCheckResult.Healthy(
                $"The {service} answered in {elapsed.TotalMilliseconds:0} ms.",
                Data(elapsed));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return Judge(service, timeout, failureStatus, exception, Stopwatch.GetElapsedTime(started));
        }
    }

    private static HealthCheckResult Judge(
        string service,
        TimeSpan timeout,
        HealthStatus failureStatus,
        Exception exception,
        TimeSpan elapsed)
    {
        var data = Data(elapsed, exception as MemOSException);
        return exception switch
        {
            // Refused calls are slowed, not lost: the service is there, the app is over its budget.
            MemOSRateLimitException => new HealthCheckResult(
                HealthStatus.Degraded,
                $"Rate limited: the {service} refused the probe as over the rate limit. {exception.Message}",
                exception,
                data),
            MemOSAuthenticationException => new HealthCheckResult(
                failureStatus,
                $"Unauthorized: the {service} refused the API key. {exception.Message}",
                exception,
                data),
            MemOSQuotaExceededException => new HealthCheckResult(
                failureStatus,
                $"Quota exceeded: the {service} refused the probe. {exception.Message}",
                exception,
                data),
            MemOSConnectionException or HttpRequestException => new HealthCheckResult(
                failureStatus,
                $"Unreachable: the {service} could not be reached. {exception.Message}",
                exception,
                data),
            MemOSTimeoutException or OperationCanceledException => new HealthCheckResult(
                failureStatus,
                $"Timed out: the {service} did not answer within {timeout.TotalSeconds:0.###} s.",
                exception,
                data),
            MemOSException => new HealthCheckResult(
                failureStatus,
                $"Failing: the {service} answered the probe with an error. {exception.Message}",
                exception,
                data),
            _ => new HealthCheckResult(
                failureStatus,
                $"Failing: probing the {service} failed with {exception.GetType().Name}.",
                exception,
                data),
        };
    }

    private static Dictionary<string, object> Data(TimeSpan elapsed, MemOSException? failure = null)
    {
        var data = new Dictionary<string, object> { ["duration_ms"] = Math.Round(elapsed.TotalMilliseconds) };
        if (failure?.Code is { } code)
        {
            data["code"] = code;
        }

        if (failure?.HttpStatus is { } status)
        {
            data["http_status"] = (int)status;
        }

        return data;
    }
}
