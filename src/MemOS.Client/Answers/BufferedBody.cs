using System.Buffers;
using System.Net;

namespace MemOS.Client.Answers;

/// <summary>
/// A response body read whole into a pooled buffer, put back as the response's content so it can be
/// read again; the buffer goes back to the pool when the response is disposed. The answer is parsed
/// from <see cref="Memory"/> while the response lives.
/// </summary>
internal sealed class BufferedBody : HttpContent
{
    private readonly int _length;
    private byte[]? _buffer;

    /// <param name="buffer">Rented from <see cref="ArrayPool{T}.Shared"/>; owned from here on.</param>
    /// <param name="length">How much of it is the body.</param>
    public BufferedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body; valid until the content is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => Live().AsMemory(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Live(), 0, _length);

    protected override Task SerializeToStreamAsync(
        Stream stream,
        TransportContext? context,
        CancellationToken cancellationToken)
        => stream.WriteAsync(Memory, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
        => Task.FromResult(CreateContentReadStream(CancellationToken.None));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken)
        => new MemoryStream(Live(), 0, _length, writable: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private byte[] Live() => _buffer ?? throw new ObjectDisposedException(nameof(HttpContent));
}
