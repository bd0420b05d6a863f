using MemOS.Client;
using Microsoft.AspNetCore.Diagnostics;

/// <summary>
/// Turns a failed MemOS call into a problem the page shows: the SDK's message says what failed and
/// how to fix it, and never holds the API key; no stack trace leaves the server.
/// </summary>
internal sealed class MemOSExceptionHandler(ILogger<MemOSExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not MemOSException memos)
        {
            return false;
        }

        Log.MemOSFailed(logger, memos.Message);
        var status = memos is MemOSRateLimitException ? StatusCodes.Status429TooManyRequests : StatusCodes.Status502BadGateway;

        // Written whatever the request's Accept says: the page asks for an event stream, and must still get the problem.
        await TypedResults.Problem(title: "MemOS could not do that", detail: memos.Message, statusCode: status).ExecuteAsync(httpContext);
        return true;
    }
}
