using System.Net;

namespace MemOS.Client.Errors;

/// <summary>
/// What one answer is, decided once by the answer classifier (<c>Answers/ResponseClassifier</c>):
/// <see cref="Rulebook"/> judges it for the resilience handler, the transport and the stream reader,
/// so the same bytes can never be "retry" in one place and "done" in another.
/// </summary>
internal sealed class ResponseVerdict
{
    /// <summary>What the answer is.</summary>
    public required VerdictKind Kind { get; init; }

    public required HttpStatusCode Status { get; init; }

    /// <summary>The <c>traceid</c> header, when it is a short token of safe characters.</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// The envelope <c>code</c>, from any status; one reading (the last, as JSON parsers keep it). A
    /// success without one is a bare body, read as the data itself where a route documents one.
    /// </summary>
    public int? Code { get; init; }

    /// <summary>
    /// The service's own text: the envelope <c>message</c>, a <c>detail</c>, or the start of a non-JSON error body.
    /// </summary>
    public string? ServerMessage { get; init; }

    /// <summary>How long the service asked to wait (<c>Retry-After</c>, or a body's <c>retry_after</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="VerdictKind.Failure"/>: its row of the error table.</summary>
    public ErrorInfo Error { get; init; }

    /// <summary>
    /// For an unreadable answer: what is wrong with it (the failure is then not a service error code).
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>For an unreadable answer: the parser's own account of it, when there is one.</summary>
    public Exception? ProblemCause { get; init; }

    /// <summary>For a success code whose data reports failure (<c>success: false</c>): what it reports.</summary>
    public string? DataFailure { get; init; }

    /// <summary>
    /// For <see cref="VerdictKind.Success"/>: the <c>data</c> value, read as the call's type; null when absent or null.
    /// </summary>
    public object? Data { get; init; }

    public bool IsRateLimited => Kind == VerdictKind.Failure && Error.Kind == ErrorKind.RateLimit;
}
