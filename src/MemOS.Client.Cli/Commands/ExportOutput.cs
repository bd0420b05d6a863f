namespace MemOS.Client.Cli.Commands;

/// <summary>
/// The stream an export writes to, counting the lines that reached it and telling a reader that
/// went away (<c>memos export | head -1</c>: a broken pipe) from any other failure, so the tool
/// reports what was written rather than what it meant to write. Disposing it closes the stream
/// when it <paramref name="owns"/> it (a file), never standard output.
/// </summary>
internal sealed class ExportOutput(Stream inner, bool owns) : Stream
{
    private long _lines;

    /// <summary>Lines written in full to the output.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>Whether the reader closed the output (a broken pipe) before the export ended.</summary>
    public bool Closed { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set
        => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            Closed = true;
            throw;
        }

        Interlocked.Add(ref _lines, buffer.Span.Count((byte)'\n'));
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
        => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            Closed = true;
            throw;
        }
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        if (owns)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && owns)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
