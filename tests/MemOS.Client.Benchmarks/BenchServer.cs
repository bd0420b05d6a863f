using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Kestrel on 127.0.0.1 answering every route with a fixed body. It runs in the process that
/// launches the benchmarks, which run in processes of their own: their allocation counts are then
/// the client's alone. The URL reaches them in an environment variable they inherit.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string UrlVariable = "MEMOS_BENCH_SERVER";
    private const string ApiPath = "/api/openmem/v1/";

    // Under this root "chat" answers the short stream, for time to first event.
    private const string FirstEventPath = "/first-event/";

    private readonly WebApplication _app;

    private BenchServer(WebApplication app) => _app = app;

    /// <summary>The API root of the running server, as the launching process published it.</summary>
    public static Uri ApiRoot => new(Published(), ApiPath);

    /// <summary>An API root whose chat answers one text event and the end event.</summary>
    public static Uri FirstEventRoot => new(Published(), FirstEventPath);

    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(Answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Environment.SetEnvironmentVariable(UrlVariable, address);
        return new BenchServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri Published()
        => Environment.GetEnvironmentVariable(UrlVariable) is { } url
            ? new Uri(url)
            : throw new InvalidOperationException($"{UrlVariable} is not set: run the benchmarks through this project's Program, which starts the server.");

    private static async Task Answer(HttpContext context)
    {
        // The request is read whole, as a real server would, without keeping it.
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted);
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var (bytes, contentType) = path switch
        {
            ApiPath + "search/memory" => (Bodies.SearchResponse, "application/json"),
            ApiPath + "add/message" => (Bodies.AddResponse, "application/json"),
            ApiPath + "chat" => (RecordedStream.Long, "text/event-stream"),
            FirstEventPath + "chat" => (RecordedStream.Short, "text/event-stream"),
            _ => (null, null),
        };
        if (bytes is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = contentType;
        if (contentType == "application/json")
        {
            context.Response.ContentLength = bytes.Length;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
