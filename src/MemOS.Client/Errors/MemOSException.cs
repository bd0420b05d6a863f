using System.Net;
using MemOS.Client.Errors;

namespace MemOS.Client;

/// <summary>
/// A MemOS call failed. The message names the error code, what it means and how to fix it; it
/// never contains the API key or the request body. Catch a derived type to act on one family of
/// failures, or this type for all of them.
/// </summary>
public class MemOSException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private int? _code;
    private HttpStatusCode? _httpStatus;
    private string? _traceId;
    private string? _serverMessage;
    private bool _isTransient;
    private bool _writeMayHaveBeenApplied;

    /// <summary>The envelope <c>code</c> the service answered with (such as 40309), when there was one.</summary>
    public int? Code { get => _code; init => _code = value; }

    /// <summary>The HTTP status of the response, when a response was received.</summary>
    public HttpStatusCode? HttpStatus { get => _httpStatus; init => _httpStatus = value; }

    /// <summary>The service's request trace id (response header <c>traceid</c>), to quote to MemOS support.</summary>
    public string? TraceId { get => _traceId; init => _traceId = value; }

    /// <summary>The service's own <c>message</c> text, when it sent one.</summary>
    public string? ServerMessage { get => _serverMessage; init => _serverMessage = value; }

    /// <summary>
    /// <see langword="true"/> when the same request may succeed later (network faults, timeouts,
    /// rate limits, 5xx and 50xxx codes). Whether repeating a <em>write</em> is safe is another
    /// matter: see <see cref="WriteMayHaveBeenApplied"/>.
    /// </summary>
    public bool IsTransient { get => _isTransient; init => _isTransient = value; }

    /// <summary>
    /// <see langword="true"/> when the failed call was a write (add/message, chat, add/feedback,
    /// knowledge-base or profile creation, file upload) that may nevertheless have been applied:
    /// the request reached the service and the failure (a timeout, a lost connection, a 5xx or
    /// 50xxx answer, a cut stream) does not say whether it was processed. MemOS has no
    /// idempotency key, so check (search, get/message, get/status) before writing again.
    /// <see langword="false"/> for reads, and for writes the service certainly did not process
    /// (rate-limited, rejected as invalid, or the connection never opened).
    /// </summary>
    public bool WriteMayHaveBeenApplied { get => _writeMayHaveBeenApplied; init => _writeMayHaveBeenApplied = value; }

    /// <summary>
    /// Set when this failure came after a retry whose earlier attempt the service may have
    /// processed: a "not found" then may only mean the first attempt already did the work.
    /// </summary>
    internal bool EarlierAttemptMayHaveApplied { get; set; }

    /// <summary>
    /// Set when the failure proves the service did not process the request: it never reached the
    /// service, or the service refused it before doing anything (see the error table's NotProcessed column).
    /// </summary>
    internal bool ProvesNotProcessed { get; set; }

    /// <summary>Marks the failure of a write with whether its outcome is unknown.</summary>
    internal MemOSException ForWrite()
    {
        _writeMayHaveBeenApplied = !ProvesNotProcessed;
        return this;
    }

    /// <summary>
    /// Sets the flags of the failure's row, for an exception built from one that arrived as another type.
    /// </summary>
    internal void Mark(FailureRow row)
    {
        _isTransient = row.Transient;
        ProvesNotProcessed = row.ProvesNotProcessed;
    }

    // The factory builds every family the same way; this keeps the public setters init-only.
    internal MemOSException WithContext(in ErrorContext context)
    {
        _code = context.Code;
        _httpStatus = context.HttpStatus;
        _traceId = context.TraceId;
        _serverMessage = context.ServerMessage;
        _isTransient = context.IsTransient;
        ProvesNotProcessed = context.NotProcessed;
        return this;
    }
}
