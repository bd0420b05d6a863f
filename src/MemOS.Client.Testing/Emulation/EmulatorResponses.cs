using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>Writes answers in the cloud's shapes: the envelope, and chat as server-sent events.</summary>
internal static class EmulatorResponses
{
    public static Task Success(HttpContext context, JsonNode? data)
        => Envelope(context, StatusCodes.Status200OK, 0, "ok", data);

    // The cloud reports business errors inside HTTP 200 (SPEC §3.3).
    public static Task Error(HttpContext context, int code, string message, int httpStatus = StatusCodes.Status200OK)
        => Envelope(context, httpStatus, code, message, null);

    /// <summary>
    /// Streams text events and the end event. With <paramref name="cutAfter"/> the stream stops
    /// after that many events without its end event, which is how a cut connection looks to the
    /// client; a reset would race the events still in flight.
    /// </summary>
    public static async Task TextStream(HttpContext context, IEnumerable<string> fragments, int? cutAfter)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var events = fragments.Select(fragment => new JsonObject
        {
            ["type"] = "text",
            ["data"] = fragment,
        }).Append(new JsonObject { ["type"] = "end" });
        var sent = 0;
        foreach (var payload in events)
        {
            if (sent++ == cutAfter)
            {
                return;
            }

            await WriteEvent(context, payload).ConfigureAwait(false);
        }
    }

    private static async Task WriteEvent(HttpContext context, JsonObject payload)
    {
        var frame = Encoding.UTF8.GetBytes("event: message\ndata: " + payload.ToJsonString() + "\n\n");
        await context.Response.Body.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task Bare(HttpContext context, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task Envelope(HttpContext context, int httpStatus, int code, string message, JsonNode? data)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["data"] = data,
        }.ToJsonString());
        EmulatorRequestLog.NoteCode(context, code);
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
