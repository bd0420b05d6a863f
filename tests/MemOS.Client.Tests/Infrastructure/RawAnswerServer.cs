using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP/1.1 server on a raw socket: it reads each request (head and Content-Length body)
/// and writes back exactly the bytes the test gives it, head included, then closes the connection.
/// Framing the test gets wrong on purpose reaches the client as it was written.
/// </summary>
public sealed class RawAnswerServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private volatile byte[] _answer = [];
    private int _requests;

    public RawAnswerServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>How many whole requests reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The raw response (status line, headers, body) every request gets from now on.</summary>
    public void Answer(byte[] rawResponse) => _answer = rawResponse;

    /// <summary>A well-framed response: <paramref name="body"/> with its length and <c>Connection: close</c>.</summary>
    public static byte[] Framed(byte[] body, int status = 200, string contentType = "application/json", string? extraHeaders = null)
        => [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n{extraHeaders}Connection: close\r\n\r\n"), .. body];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerOneAsync(socket));
        }
    }

    private async Task AnswerOneAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                if (await ReadRequestAsync(socket, _stop.Token) is null)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                await socket.SendAsync(_answer, SocketFlags.None, _stop.Token);
                socket.Shutdown(SocketShutdown.Send);

                // Drain what the client still sends (nothing, usually) so the close is a FIN, not a reset.
                var rest = new byte[1024];
                while (await socket.ReceiveAsync(rest, SocketFlags.None, _stop.Token) > 0)
                {
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away first, or the test ended.
            }
        }
    }

    /// <summary>One request's head and body, as text; null when the client closed the connection first.</summary>
    public static async Task<string?> ReadRequestAsync(Socket socket, CancellationToken cancellationToken = default)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
            var text = Encoding.ASCII.GetString([.. received]);
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd < 0)
            {
                continue;
            }

            var length = text[..headEnd].Split("\r\n")
                .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (received.Count >= headEnd + 4 + length)
            {
                return text;
            }
        }
    }
}
