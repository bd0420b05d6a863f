using MemOS.Client.Answers;

namespace MemOS.Client.Transport;

/// <summary>
/// The socket handler behind every client the SDK builds itself: streams and all other calls each have a
/// connection pool of their own.
/// </summary>
/// <remarks>
/// A stream's connection goes back to the pool when the body's last byte is read, which can be just before the
/// server closes it (many servers close after a stream). A call sent at once after a stream (the memory middleware
/// writes the turn right after the chat's stream) would be written to that closing socket, and for a write nothing
/// would prove the server had not read it: it could not be sent again. In a pool of their own, streams never hand
/// their connections to calls. The next stream comes when the user speaks again; by then the server's close has
/// arrived, and the pool, which checks a connection before it reuses it, opens a new one. Streams keep their
/// connections while the server does, so a chat does not pay a new handshake (a TLS one, to the cloud) for each
/// message. A stream sent immediately after a stream, to a server that closes after each, can still meet the
/// closing socket: it then fails as a write that may have been applied, never sent twice.
/// </remarks>
internal sealed class SplitPoolHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _calls = new(CreatePool(), disposeHandler: true);

    private readonly HttpMessageInvoker _streams = new(CreatePool(), disposeHandler: true);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
        => PoolFor(request).SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => PoolFor(request).Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _calls.Dispose();
            _streams.Dispose();
        }

        base.Dispose(disposing);
    }

    private HttpMessageInvoker PoolFor(HttpRequestMessage request)
        => ResponseClassifier.WantsStream(request) ? _streams : _calls;

    // Connections are recycled so DNS changes are seen, an abandoned stream closes its connection
    // instead of draining it, and a redirect is never followed (it would drop the API key and can
    // turn a POST into a GET).
    private static SocketsHttpHandler CreatePool() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        MaxResponseDrainSize = 0,
    };
}
