using System.Globalization;
using System.Net;
using System.Text;

namespace MemOS.Client.Errors;

/// <summary>
/// Turns a failed response into the exception of its family, with a message that states the
/// code, its meaning and the fix. Service text is passed through the redactor first.
/// </summary>
internal static class MemOSErrorFactory
{
    private const int MaxServerMessageLength = 500;

    /// <summary>The exception of a failed answer, from the verdict the retry was decided on.</summary>
    /// <param name="operation">The route's name.</param>
    /// <param name="verdict">The verdict on the answer.</param>
    /// <param name="redactor">Takes secrets out of service text.</param>
    /// <param name="url">The URL called, shown for an HTTP 404 (a wrong base URL looks like that).</param>
    public static MemOSException FromVerdict(
        string operation,
        ResponseVerdict verdict,
        SecretRedactor redactor,
        Uri? url = null)
    {
        if (verdict.Problem is { } problem)
        {
            return InvalidResponse(operation, problem, verdict.Status, verdict.TraceId, verdict.ProblemCause);
        }

        if (verdict.DataFailure is { } detail)
        {
            return FailedOutcome(operation, detail, verdict.ServerMessage, verdict.Status, verdict.TraceId, redactor);
        }

        var what = verdict.Code is { } code && Rulebook.IsCloudCode(code)
            ? $"code {code.ToString(CultureInfo.InvariantCulture)}"
            : $"HTTP {(int)verdict.Status}";
        return Create(
            operation,
            what,
            verdict.Error,
            verdict.Code,
            verdict.ServerMessage,
            verdict.Status,
            verdict.TraceId,
            verdict.RetryAfter,
            redactor,
            verdict.Status == HttpStatusCode.NotFound ? url : null);
    }

    private static MemOSException FailedOutcome(
        string operation,
        string detail,
        string? serverMessage,
        HttpStatusCode status,
        string? traceId,
        SecretRedactor redactor)
    {
        var cleanServerMessage = redactor.Redact(serverMessage);
        var said = string.IsNullOrWhiteSpace(cleanServerMessage)
            ? string.Empty
            : $" Service said: \"{cleanServerMessage}\".";
        var message = $"MemOS {operation} failed: {detail}.{said} {Where(status, traceId)}";
        var row = ErrorCatalog.FailedOutcome;
        return new MemOSException(message).WithContext(
            new(null, status, traceId, cleanServerMessage, row.IsTransient, row.NotProcessed));
    }

    /// <summary>
    /// An <c>error</c> event in a stream; the service's text is redacted and kept whole in ServerMessage.
    /// </summary>
    public static MemOSStreamException StreamError(
        string operation,
        string serverMessage,
        HttpStatusCode status,
        string? traceId,
        SecretRedactor redactor)
    {
        var clean = redactor.Redact(serverMessage);
        var exception = new MemOSStreamException(
            $"MemOS {operation} stream reported an error: {Shown(clean)} {Where(status, traceId)}");
        exception.WithContext(new(null, status, traceId, clean, IsTransient: false));
        return exception;
    }

    /// <summary>
    /// A stream that ended before its end event: closed cleanly, or cut by the network (<paramref name="inner"/>).
    /// </summary>
    public static MemOSStreamException StreamCut(
        string operation,
        HttpStatusCode status,
        string? traceId,
        Exception? inner)
    {
        var what = inner is null
            ? "closed before its end event; the answer may be incomplete"
            : "was cut off before its end; the answer is incomplete";
        return InStream(
            new MemOSStreamException($"MemOS {operation} stream {what}. {Where(status, traceId)}", inner),
            status,
            traceId,
            transient: true);
    }

    /// <summary>
    /// A stream whose body ended inside an event: its last data does not parse, and no blank line closed it.
    /// </summary>
    public static MemOSStreamException StreamCutInEvent(string operation, HttpStatusCode status, string? traceId)
    {
        return InStream(new MemOSStreamException($"MemOS {operation} stream was cut off in the middle of an event; the "
            + $"answer is incomplete. {Where(status, traceId)}"), status, traceId, transient: true);
    }

    /// <summary>
    /// A stream whose <c>Content-Encoding</c> (gzip, br) body does not decompress: <paramref name="inner"/> is the
    /// decoder's complaint.
    /// </summary>
    public static MemOSStreamException StreamUndecodable(
        string operation,
        HttpStatusCode status,
        string? traceId,
        Exception inner)
    {
        return InStream(new MemOSStreamException($"MemOS {operation} stream's compressed body could not be decoded; "
            + $"the answer is incomplete. {Where(status, traceId)}", inner), status, traceId, transient: false);
    }

    /// <summary>
    /// A complete event whose data cannot be read; <paramref name="problem"/> says why (not UTF-8, not JSON).
    /// </summary>
    public static MemOSStreamException StreamInvalidEvent(
        string operation,
        string problem,
        HttpStatusCode status,
        string? traceId)
    {
        return InStream(new MemOSStreamException($"MemOS {operation} stream sent an unreadable event: {problem}; the "
            + $"answer is incomplete. {Where(status, traceId)}"), status, traceId, transient: false);
    }

    /// <summary>An event (or one line of the stream) larger than the configured limit.</summary>
    public static MemOSStreamException StreamEventTooLarge(
        string operation,
        int limit,
        HttpStatusCode status,
        string? traceId)
    {
        var bytes = limit.ToString(CultureInfo.InvariantCulture);
        return InStream(new MemOSStreamException($"MemOS {operation} stream sent an event larger than {bytes} bytes "
            + "(MaxStreamEventBytes); it was not read and the answer is incomplete. Raise MaxStreamEventBytes if such "
            + $"events are expected. {Where(status, traceId)}"), status, traceId, transient: false);
    }

    /// <summary>A stream that sent nothing, not even a keep-alive, for longer than the idle timeout.</summary>
    public static MemOSTimeoutException StreamIdle(
        string operation,
        TimeSpan idleTimeout,
        HttpStatusCode status,
        string? traceId,
        Exception inner)
    {
        var seconds = idleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return InStream(new MemOSTimeoutException($"MemOS {operation} stream sent nothing for {seconds} s (the "
            + "StreamIdleTimeout setting: MemOS:StreamIdleTimeout in configuration, "
            + "MemOSClientOptions.StreamIdleTimeout in code); the answer is incomplete. "
            + $"{Where(status, traceId)}", inner), status, traceId, transient: true);
    }

    // A stream's failure carries its status and trace id; whether it is worth retrying depends on the failure.
    private static T InStream<T>(T exception, HttpStatusCode status, string? traceId, bool transient)
        where T : MemOSException
    {
        exception.WithContext(new(null, status, traceId, null, IsTransient: transient));
        return exception;
    }

    public static MemOSException InvalidResponse(
        string operation,
        string problem,
        HttpStatusCode status,
        string? traceId,
        Exception? inner = null)
    {
        var message = $"MemOS {operation} returned an unreadable response: {problem}. {Where(status, traceId)}";
        var row = ErrorCatalog.Unreadable((int)status);
        MemOSException exception = row.Kind == ErrorKind.Server
            ? new MemOSServerException(message, inner)
            : new MemOSException(message, inner);
        return exception.WithContext(new(null, status, traceId, null, row.IsTransient, row.NotProcessed));
    }

    /// <summary>The HttpClient given to the client timed out (its own <see cref="HttpClient.Timeout"/>).</summary>
    public static MemOSTimeoutException HttpClientTimeout(string operation, TimeSpan timeout, Exception inner)
        => new($"MemOS {operation} timed out after {Seconds(timeout)}: the Timeout of the HttpClient given to the "
            + "MemOS client fired (set it to Timeout.InfiniteTimeSpan to leave the limits to the client's Timeout "
            + "setting: MemOS:Timeout in configuration, MemOSClientOptions.Timeout in code). The request may still "
            + "have been processed.", inner);

    /// <summary>The call took longer than the client's overall timeout.</summary>
    public static MemOSTimeoutException CallTimeout(string operation, TimeSpan timeout, Exception inner)
        => new($"MemOS {operation} timed out after {Seconds(timeout)} (the Timeout setting: MemOS:Timeout in "
            + "configuration, MemOSClientOptions.Timeout in code). The request may still have been processed.", inner);

    /// <summary>The last attempt took longer than the resilience handler's per-attempt limit.</summary>
    public static MemOSTimeoutException AttemptTimeout(string operation, TimeSpan timeout, bool write, Exception inner)
    {
        var applied = write
            ? " The write may still have been applied: MemOS has no idempotency key, so check (search, get/message, "
                + "get/status) before sending it again."
            : " Retry it, or raise the limit if such calls are expected to take longer.";
        return new($"MemOS {operation} attempt timed out after {Seconds(timeout)} (the Retry:AttemptTimeout setting: "
            + "MemOS:Retry:AttemptTimeout in configuration, MemOSRetryOptions.AttemptTimeout in "
            + $"code).{applied}", inner);
    }

    /// <summary>
    /// The rate budget (<see cref="MemOSClientOptions.RateLimiter"/>) refused a permit: the service was never asked.
    /// </summary>
    public static MemOSRateLimitException LocalBudgetRefused(string operation, TimeSpan? nextPermit, Exception inner)
    {
        var next = nextPermit is { } wait
            ? $" (the next permit in about {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)"
            : string.Empty;
        return new($"MemOS {operation} was not sent: the rate budget set as MemOSClientOptions.RateLimiter refused a "
            + $"permit{next}. The service was not asked; lower the concurrency or let the budget queue more "
            + "requests.", inner)
        {
            RefusedLocally = true,
            RetryAfter = nextPermit,
        };
    }

    /// <summary>The exchange with the service failed; or no connection was ever made.</summary>
    public static MemOSConnectionException NetworkFailure(string operation, string host, HttpRequestException inner)
        => new($"MemOS {operation} could not complete the exchange with {host}: {DescribeNetworkError(inner)} Fix: "
            + $"{NetworkFix(inner, host)}", inner);

    /// <summary>The connection broke while the answer was read.</summary>
    public static MemOSConnectionException ConnectionLost(string operation, string host, Exception inner)
        => new($"MemOS {operation} lost the connection to {host} while reading the response. Fix: retry; if it keeps "
            + $"happening, check the network or proxy between this app and {host}.", inner);

    private static string DescribeNetworkError(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved.",
        HttpRequestError.ConnectionError => "the connection could not be made.",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed.",
        HttpRequestError.ResponseEnded => "the connection closed before the response was complete.",
        HttpRequestError.InvalidResponse => "the response was not valid HTTP.",
        _ => exception.Message,
    };

    private static string NetworkFix(HttpRequestException exception, string host) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "check the host name in the base URL (the BaseUrl setting: "
            + "MemOS:BaseUrl in configuration, the MEMOS_BASE_URL environment variable, or MemOSClientOptions.BaseUrl "
            + "in code) and this machine's DNS.",
        HttpRequestError.SecureConnectionError => $"check that {host} serves https with a certificate this machine "
            + "trusts, or that the base URL's scheme and port are right.",
        _ => $"check that MemOS is running and listening at {host} (the base URL: MemOS:BaseUrl in configuration, the "
            + "MEMOS_BASE_URL environment variable, or MemOSClientOptions.BaseUrl in code), and that no firewall or "
            + "proxy blocks it.",
    };

    private static string Seconds(TimeSpan timeout)
        => timeout == Timeout.InfiniteTimeSpan
            ? "an infinite timeout"
            : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static MemOSException Create(
        string operation,
        string what,
        ErrorInfo info,
        int? code,
        string? serverMessage,
        HttpStatusCode? httpStatus,
        string? traceId,
        TimeSpan? retryAfter,
        SecretRedactor redactor,
        Uri? url = null)
    {
        var cleanServerMessage = redactor.Redact(serverMessage);
        var text = new StringBuilder()
            .Append("MemOS ").Append(operation).Append(" failed with ").Append(what).Append(": ")
            .Append(info.Meaning).Append(". Fix: ").Append(info.Fix).Append('.');
        if (url is not null)
        {
            text.Append(" URL called: ").Append(url.GetLeftPart(UriPartial.Path)).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(cleanServerMessage))
        {
            text.Append(" Service said: \"").Append(Shown(cleanServerMessage)).Append("\".");
        }

        if (retryAfter is { } wait)
        {
            text.Append(" Retry after ").Append(wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture))
                .Append(" s.");
        }

        text.Append(' ').Append(Where(httpStatus, traceId));
        var message = text.ToString();
        MemOSException exception = info.Kind switch
        {
            ErrorKind.Validation => new MemOSValidationException(message),
            ErrorKind.RequestTooLarge => new MemOSRequestTooLargeException(message),
            ErrorKind.Authentication => new MemOSAuthenticationException(message),
            ErrorKind.Quota => new MemOSQuotaExceededException(message),
            ErrorKind.RateLimit => new MemOSRateLimitException(message) { RetryAfter = retryAfter },
            ErrorKind.NotFound => new MemOSNotFoundException(message),
            ErrorKind.Server => new MemOSServerException(message),
            _ => new MemOSException(message),
        };
        return exception.WithContext(
            new(code, httpStatus, traceId, cleanServerMessage, info.IsTransient, info.NotProcessed));
    }

    // Service text (tracebacks, for the self-hosted server) is kept whole in ServerMessage, shortened in Message.
    private static string Shown(string? text)
        => text is null
            ? string.Empty
            : text.Length > MaxServerMessageLength ? text[..MaxServerMessageLength] + "…" : text;

    private static string Where(HttpStatusCode? status, string? traceId)
    {
        var http = status is { } s ? $"HTTP {(int)s}" : "no HTTP status";
        return traceId is null ? $"({http})" : $"({http}, trace id {traceId})";
    }
}
