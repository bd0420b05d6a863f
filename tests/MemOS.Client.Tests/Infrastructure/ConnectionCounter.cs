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
    public async Task AllClosedAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (Open > 0)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
