using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a random port. It records every request (headers and
/// body bytes) and answers with whatever the test's handler writes.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "test-key-0123456789abcdef";
    public const string BasePath = "/api/openmem/v1";
    private const string BodyItem = "recorded-body";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The TCP connections clients hold open to this server.</summary>
    public ConnectionCounter Connections { get; private init; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest SingleRequest => Requests.Should().ContainSingle().Subject;

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var connections = new ConnectionCounter();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Use(connections.Track)));
        var app = builder.Build();
        var server = new LoopbackServer(app) { Connections = connections };
        app.Run(async context =>
        {
            // Multipart handlers read the body themselves; it is recorded for them from a buffered copy.
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            context.Items[BodyItem] = body.ToArray();
            server._requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + BasePath);
        return server;
    }

    /// <summary>A server that answers every request with the same JSON body.</summary>
    public static Task<LoopbackServer> RespondingWith(byte[] body, int status = 200, string contentType = "application/json")
        => StartAsync(context => Respond.Bytes(context, body, status, contentType));

    /// <summary>The body of the request being handled, for handlers that answer according to it.</summary>
    public static string Body(HttpContext context) => System.Text.Encoding.UTF8.GetString((byte[])context.Items[BodyItem]!);

    /// <summary>
    /// A client of this server. Retry waits pass on a clock that jumps instead of sleeping, and
    /// attempts have no time limit of their own unless a test sets one.
    /// </summary>
    public MemOSClient CreateClient(Action<MemOSClientOptions>? configure = null)
    {
        var options = new MemOSClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            TimeProvider = new AutoAdvancingTimeProvider(),
            Retry = new MemOSRetryOptions { AttemptTimeout = Timeout.InfiniteTimeSpan },
        };
        configure?.Invoke(options);
        return new MemOSClient(options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
