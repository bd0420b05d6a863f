using System.Net;

namespace MemOS.Client;

/// <summary>
/// What the service answered to one successful call, as captured by <see cref="MemOSResponseCapture"/>.
/// </summary>
/// <param name="Operation">The route called, such as <c>search/memory</c>.</param>
/// <param name="HttpStatus">The HTTP status of the answer.</param>
/// <param name="Code">The envelope code (0 or 200 on success), when the answer had one.</param>
/// <param name="TraceId">The service's trace id for the call, to quote to MemOS support; null when the service sent
/// none.</param>
public sealed record MemOSResponseInfo(string Operation, HttpStatusCode HttpStatus, int? Code, string? TraceId);
