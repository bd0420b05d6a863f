using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// <c>memos mcp --http</c>: the memory tools over MCP's Streamable HTTP transport at <c>/mcp</c>. Stateless:
/// each request is served on its own (no session to lose, to pin to one process, or to exhaust), for the
/// user its bearer token maps to; what a user's tools remember between calls (the ids their searches
/// returned) is kept per user. The MemOS API key stays in this process.
/// </summary>
internal sealed class McpHttpServer(MemOSClient client, HttpAddress address, RequestGuardSettings settings)
{
    /// <summary>The largest request body read; a bigger one is refused with 413 before it is parsed.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>How long shutdown waits for requests under way to be answered.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, MemoryServer> _servers = new(StringComparer.Ordinal);

    /// <summary>
    /// Serves until <paramref name="cancellationToken"/> is cancelled, then answers the requests under way and stops.
    /// </summary>
    public async Task RunAsync(TextWriter error, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownGrace);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = settings.MaxConnections;
            kestrel.Listen(address.Address, address.Port);
        });
        builder.Services.AddMcpServer().WithHttpTransport(transport =>
        {
            transport.SessionMode = HttpServerSessionMode.Stateless;
            transport.ConfigureSessionOptions = (context, options, _) =>
            {
                RequestGuard.ServerOf(context).Configure(options);
                return Task.CompletedTask;
            };
        });

        var app = builder.Build();
        await using (app.ConfigureAwait(false))
        {
            var guard = new RequestGuard(settings.Tokens, settings.AllowedOrigins, address.IsLoopback, ServerFor);
            app.Use(guard.InvokeAsync);
            app.MapMcp("/mcp");

            await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            await error.WriteLineAsync($"memos: MCP server listening on {bound}/mcp").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop taking connections, answer what is under way, then end.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private MemoryServer ServerFor(string? user)
        => _servers.GetOrAdd(
            user ?? string.Empty,
            _ => new MemoryServer(new MemoryTools(client, client.BaseUrl, user)));
}
