using MemOS.Client.Answers;

namespace MemOS.Client.Transport;

/// <summary>
/// The socket handler behind every client the SDK builds itself: every call but a stream shares
/// one connection pool; each stream has a connection of its own, never used again.
/// </summary>
/// <remarks>
/// A stream's connection would go back to the pool when the body's last byte is read, which can be
/// just before the server closes it (many servers close after a stream). The next request, sent at
/// once, would then be written to a socket the server has closed, and when it is a write (an
/// add/message after a chat stream, the memory middleware's usual path, or the next chat stream)
/// nothing the client sees proves that the server did not read it: it would fail, and could not be
/// sent again safely. A stream lasts seconds; a connection of its own costs it a handshake.
/// </remarks>
internal sealed class SplitPoolHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _calls = new(CreatePool(TimeSpan.FromMinutes(5)), disposeHandler: true);

    // A lifetime of zero: a connection is never taken from the pool again.
    private readonly HttpMessageInvoker _streams = new(CreatePool(TimeSpan.Zero), disposeHandler: true);

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
    private static SocketsHttpHandler CreatePool(TimeSpan lifetime) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = lifetime,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        MaxResponseDrainSize = 0,
    };
}
