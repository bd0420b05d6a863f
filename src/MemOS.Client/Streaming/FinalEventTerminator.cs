namespace MemOS.Client.Streaming;

/// <summary>
/// Adds a blank line after the body ends. SSE discards an event not followed by a blank line,
/// and servers have been seen to end with a bare <c>data: [DONE]</c> line (the official
/// client's own fixture does); after a properly terminated last event the extra blank line
/// dispatches nothing.
/// </summary>
internal sealed class FinalEventTerminator(Stream inner) : Stream
{
    private static readonly byte[] Terminator = "\n\n"u8.ToArray();
    private int _terminatorWritten = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_terminatorWritten < 0)
        {
            var read = inner.Read(buffer);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            _terminatorWritten = 0;
        }

        return WriteTerminator(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_terminatorWritten < 0)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || buffer.IsEmpty)
            {
                return read;
            }

            _terminatorWritten = 0;
        }

        return WriteTerminator(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int WriteTerminator(Span<byte> buffer)
    {
        var remaining = Terminator.AsSpan(_terminatorWritten);
        var count = Math.Min(remaining.Length, buffer.Length);
        remaining[..count].CopyTo(buffer);
        _terminatorWritten += count;
        return count;
    }
}
