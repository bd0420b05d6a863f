using MemOS.Client.Answers;

namespace MemOS.Client.Transport;

/// <summary>
/// Sends every stream request with <c>Connection: close</c>, so that no connection a stream used is
/// ever used again; every other call reuses connections as usual.
/// </summary>
/// <remarks>
/// A stream's connection would go back to the pool when the body's last byte is read, which can be
/// just before the server closes it (many servers close after a stream). The next request, sent at
/// once, would then be written to a socket the server has closed, and when it is a write (an
/// add/message after a chat stream, the memory middleware's usual path, or the next chat stream)
/// nothing the client sees proves that the server did not read it: it would fail, and could not be
/// sent again safely. A stream lasts seconds; a new connection for each costs a handshake.
/// </remarks>
internal sealed class StreamConnectionHandler : DelegatingHandler
{
    public StreamConnectionHandler(HttpMessageHandler pool)
        : base(pool)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(CloseAfterStream(request), cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.Send(CloseAfterStream(request), cancellationToken);

    private static HttpRequestMessage CloseAfterStream(HttpRequestMessage request)
    {
        if (ResponseClassifier.WantsStream(request))
        {
            request.Headers.ConnectionClose = true;
        }

        return request;
    }
}
