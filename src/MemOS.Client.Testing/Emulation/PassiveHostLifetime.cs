using Microsoft.Extensions.Hosting;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// The emulator's host lifetime: it listens to no signal. The default console lifetime would take
/// Ctrl+C and SIGTERM for the emulator's internal host and mark them handled, so the process that
/// started the emulator would never stop; the emulator stops when it is disposed, and signals stay
/// the application's.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
