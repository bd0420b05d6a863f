using System.Text;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests.Infrastructure;

public static class Respond
{
    public static async Task Bytes(HttpContext context, byte[] body, int status = 200, string? contentType = "application/json")
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task Text(HttpContext context, string body, int status = 200, string? contentType = "application/json")
        => Bytes(context, Encoding.UTF8.GetBytes(body), status, contentType);

    /// <summary>Writes one server-sent event and flushes it to the wire at once.</summary>
    public static async Task Event(HttpContext context, string data, string? eventName = "message")
    {
        var text = (eventName is null ? string.Empty : $"event: {eventName}\n") + $"data: {data}\n\n";
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static async Task StartEventStream(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        await context.Response.StartAsync(context.RequestAborted);
    }
}
