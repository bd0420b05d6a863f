using Microsoft.AspNetCore.Connections;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>Counts the server's open TCP connections, to prove the client leaves none behind.</summary>
public sealed class ConnectionCounter
{
    private int _open;
    private int _opened;

    public int Open => Volatile.Read(ref _open);

    public int Opened => Volatile.Read(ref _opened);

    public ConnectionDelegate Track(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Increment(ref _open);
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    };

    /// <summary>Waits, bounded, until the server has seen every connection close.</summary>
    public Task AllClosedAsync(TimeSpan bound) => AtMostOpenAsync(0, bound);

    /// <summary>
    /// Waits, bounded, until at most <paramref name="max"/> connections are open. The server sees a
    /// connection it aborted close a moment after the client has opened the next one, so a count
    /// taken at once can include one that is already on its way out.
    /// </summary>
    public async Task AtMostOpenAsync(int max, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (Open > max)
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Open} connections were still open after {bound}; expected at most {max}.");
            }
        }
    }
}
