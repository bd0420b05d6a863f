using System.Net;
using System.Text.Json;
using MemOS.Client.Api;
using Polly.RateLimiting;
using Polly.Timeout;

namespace MemOS.Client.Errors;

/// <summary>
/// The one place every outcome of an attempt is judged: an answer (as the classifier read it:
/// status, envelope code, unreadable body) or a failure that arrived as an exception (network,
/// timeout, the caller's cancellation). Each becomes one <see cref="Ruling"/> (transient? proves
/// the service did not process it? may the route be attempted again?) and, for the caller, one
/// exception. The resilience handler, the transport and the stream reader act on these and keep
/// no list of codes, statuses or exception types of their own.
/// </summary>
internal static class Rulebook
{
    /// <summary>An envelope code that means success: 0 (the cloud) or 200 (the self-hosted server).</summary>
    public static bool IsSuccessCode(int code) => code is 0 or 200;

    /// <summary>
    /// A cloud code (five digits, in the error table); the self-hosted server's error codes equal the HTTP status.
    /// </summary>
    public static bool IsCloudCode(int code) => code >= 1000;

    /// <summary>The ruling on a classified answer.</summary>
    /// <param name="verdict">What the answer is.</param>
    /// <param name="route">The route answered.</param>
    /// <param name="call">The call, whose deadline a wait the service asks for must end within; null when
    /// unknown.</param>
    /// <param name="maxRetryAfter">The longest wait the service may ask for and still be waited for.</param>
    public static Ruling Judge(
        ResponseVerdict verdict,
        RouteFacts route,
        MemOSCall? call = null,
        TimeSpan? maxRetryAfter = null)
    {
        if (verdict.Kind != VerdictKind.Failure)
        {
            return Ruling.Succeeded;
        }

        var ruling = verdict.Error.Row.RulingOn(route);

        // A wait beyond the clamp, or past the call's own timeout, is the caller's to decide: the call
        // fails at once with the wait in RetryAfter.
        return verdict.RetryAfter is { } wait && (wait > maxRetryAfter || call?.EndsAfterDeadline(wait) == true)
            ? ruling with { MayRetry = false }
            : ruling;
    }

    /// <summary>The ruling on a failure that arrived as an exception.</summary>
    /// <param name="exception">What was thrown while sending, or while reading the answer.</param>
    /// <param name="route">The route called.</param>
    /// <param name="callerToken">The caller's token, whose cancellation ends the call as it asked.</param>
    public static Ruling Judge(Exception exception, RouteFacts route, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return Ruling.Stopped;
        }

        return FailureTable.Of(exception).RulingOn(route);
    }

    /// <summary>
    /// Whether a failure while reading a body is the connection's (or a timeout's), rather than the SDK's reading of
    /// it.
    /// </summary>
    public static bool IsInterruption(Exception exception)
        => exception is OperationCanceledException or HttpRequestException or IOException;

    /// <summary>
    /// Whether a failure while reading a body means its bytes do not decompress: a Content-Encoding's
    /// decoder throws these (gzip <see cref="InvalidDataException"/>, br <see cref="InvalidOperationException"/>).
    /// </summary>
    public static bool IsUndecodableBody(Exception exception)
        => exception is InvalidDataException or InvalidOperationException;

    /// <summary>
    /// The one exception a failed call ends in: the caller's cancellation stays a cancellation, a
    /// network failure or timeout becomes its <see cref="MemOSException"/>, and a failed write says
    /// whether it may still have been applied.
    /// </summary>
    public static Exception ExceptionFor(Exception exception, in FailureContext context)
    {
        var operation = context.Route.Name;
        if (context.CallerToken.IsCancellationRequested)
        {
            // The caller asked to stop: that is not a MemOS failure and must not look like a timeout.
            return exception as OperationCanceledException ?? new OperationCanceledException(context.CallerToken);
        }

        var failure = exception switch
        {
            MemOSException known => known,

            // HttpClient reports its own Timeout as a cancellation whose cause is a TimeoutException.
            OperationCanceledException { InnerException: TimeoutException } => MemOSErrorFactory.HttpClientTimeout(
                operation,
                context.HttpClientTimeout,
                exception),
            OperationCanceledException => MemOSErrorFactory.CallTimeout(operation, context.CallTimeout, exception),
            TimeoutRejectedException rejected => MemOSErrorFactory.AttemptTimeout(
                operation,
                rejected.Timeout,
                context.Route.IsWrite,
                exception),
            RateLimiterRejectedException refusal => MemOSErrorFactory.LocalBudgetRefused(
                operation,
                refusal.RetryAfter,
                refusal),
            HttpRequestException http => MemOSErrorFactory.NetworkFailure(operation, context.Host, http),
            IOException => MemOSErrorFactory.ConnectionLost(operation, context.Host, exception),

            // Data that did not become the result (a list item that is null, an unexpected shape).
            JsonException => MemOSErrorFactory.InvalidResponse(
                operation,
                "the data is not of the expected shape",
                HttpStatusCode.OK,
                traceId: null,
                exception),
            _ => null,
        };

        if (failure is null)
        {
            return exception;
        }

        if (failure != exception)
        {
            failure.Mark(FailureTable.Of(exception));
        }

        failure.EarlierAttemptMayHaveApplied = context.EarlierAttemptMayHaveApplied;
        return context.Route.IsWrite ? failure.ForWrite() : failure;
    }

    /// <summary>
    /// Whether a failure of a route that deletes means the work is done: "not found" after a retry
    /// whose earlier attempt may have been applied is that attempt's success.
    /// </summary>
    public static bool MeansDone(RouteFacts route, MemOSException failure)
        => route.GoneMeansDone
           && failure is MemOSNotFoundException { Code: MemOSErrorCodes.MemoryNotFound or MemOSErrorCodes.UserNotFound }
           && failure.EarlierAttemptMayHaveApplied;

    /// <summary>Why an attempt failed, for the retry log line: never a message, which may quote the service.</summary>
    public static string Describe(ResponseVerdict? verdict, Exception? exception)
        => exception is not null
            ? exception is HttpRequestException http ? $"network: {http.HttpRequestError}" : exception.GetType().Name
            : verdict is null ? "no answer"
            : verdict.Code is { } code && !IsSuccessCode(code)
                ? $"HTTP {(int)verdict.Status}, code {code}"
                : $"HTTP {(int)verdict.Status}";
}
