using System.Net;

namespace MemOS.Client.Errors;

/// <summary>What the transport knows about a failed call, handed to the exception it becomes.</summary>
internal readonly record struct ErrorContext(
    int? Code,
    HttpStatusCode? HttpStatus,
    string? TraceId,
    string? ServerMessage,
    bool IsTransient,
    bool NotProcessed = false);
