using Microsoft.Extensions.Hosting;

namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// The web host's lifetime is the command's: it starts when the command starts it and stops when the
/// command's cancellation (Ctrl+C or SIGTERM, handled once for the whole tool) stops it, so the host
/// registers no signal handlers of its own.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
