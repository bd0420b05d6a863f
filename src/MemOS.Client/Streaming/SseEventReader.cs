using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace MemOS.Client.Streaming;

/// <summary>
/// Splits a server-sent event body into events, straight from the response's bytes: lines ending
/// in LF, CRLF or CR; <c>data:</c> lines joined with LF; <c>event:</c> naming the type;
/// <c>: comment</c>, <c>id:</c> and <c>retry:</c> lines ignored (a stream is never resumed); a blank
/// line ending the event. Events without data (keep-alives) are skipped. The last event may lack
/// its blank line (servers have been seen to end with a bare <c>data: [DONE]</c>);
/// <see cref="Terminated"/> tells it apart, so that a body cut inside an event can be recognised.
/// One event's data, and one line, is bounded, so a runaway body cannot allocate without limit.
/// </summary>
internal sealed class SseEventReader : IDisposable
{
    private const string DefaultEventType = "message";
    private const int InitialBufferSize = 16 * 1024;

    // A line holds a field name and its value besides the data, which alone is bounded by the limit.
    private const int LineOverhead = 64;

    private readonly Stream _stream;
    private readonly StreamIdleWatch _idle;
    private readonly int _maxEventBytes;

    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfBody;
    private bool _skipLineFeed;
    private bool _bomChecked;

    // The event being read: its data lines joined, and its type.
    private byte[] _data;
    private int _dataLength;
    private bool _hasData;
    private string _eventType = DefaultEventType;
    private int _dispatchedLength;

    // The last type other than the default, so that a stream naming every event does not allocate its name each time.
    private byte[] _lastTypeBytes = [];
    private string _lastTypeName = DefaultEventType;
    private bool _disposed;

    /// <param name="stream">The response body.</param>
    /// <param name="idle">Watches each read for the idle timeout; its token cancels the reads.</param>
    /// <param name="maxEventBytes">The most data one event may carry.</param>
    public SseEventReader(Stream stream, StreamIdleWatch idle, int maxEventBytes)
    {
        _stream = stream;
        _idle = idle;
        _maxEventBytes = Math.Min(maxEventBytes, Array.MaxLength - LineOverhead);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _maxEventBytes + LineOverhead));
        _data = ArrayPool<byte>.Shared.Rent(256);
    }

    /// <summary>The type of the current event: its <c>event:</c> field, or <c>message</c>.</summary>
    public string EventType { get; private set; } = DefaultEventType;

    /// <summary>The current event's data (UTF-8, lines joined with LF); valid until the next read.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _dispatchedLength);

    /// <summary>Whether the current event ended with its blank line; false for an event the body ended in.</summary>
    public bool Terminated { get; private set; }

    /// <summary>Moves to the next event with data; false at the end of the body.</summary>
    /// <remarks>
    /// An event already buffered is returned without an async step: most events arrive many to a read.
    /// </remarks>
    /// <exception cref="SseEventTooLargeException">An event or line is larger than the limit.</exception>
    public ValueTask<bool> ReadAsync() => TryReadEvent() ? new ValueTask<bool>(true) : ReadMoreAsync();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_data);
    }

    /// <summary>Reads from the body until an event is complete or the body ends.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadMoreAsync()
    {
        while (!_endOfBody)
        {
            await FillAsync().ConfigureAwait(false);
            if (TryReadEvent())
            {
                return true;
            }
        }

        return TryReadLastEvent();
    }

    /// <summary>Reads the buffered lines until an event is complete; false when more bytes are needed.</summary>
    private bool TryReadEvent()
    {
        if (!_bomChecked && !SkipByteOrderMark())
        {
            return false;
        }

        while (_start < _end)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            if (_skipLineFeed)
            {
                // The previous line ended with CR; an LF right after it is part of that line end.
                _skipLineFeed = false;
                if (pending[0] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            var lineEnd = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (lineEnd < 0)
            {
                if (pending.Length > _maxEventBytes + LineOverhead)
                {
                    throw new SseEventTooLargeException(_maxEventBytes);
                }

                return false;
            }

            _skipLineFeed = pending[lineEnd] == (byte)'\r';
            _start += lineEnd + 1;
            if (ReadLine(pending[..lineEnd]))
            {
                Terminated = true;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// At the end of the body: an unfinished last line still counts, and an event without its blank line is handed over
    /// unterminated.
    /// </summary>
    private bool TryReadLastEvent()
    {
        if (_start < _end)
        {
            var line = _buffer.AsSpan(_start, _end - _start);
            _start = _end;
            ReadLine(line);
        }

        if (!_hasData)
        {
            return false;
        }

        Terminated = false;
        return Dispatch();
    }

    /// <summary>Applies one line; true when it is the blank line that ends an event with data.</summary>
    private bool ReadLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return Dispatch();
        }

        if (line[0] == (byte)':')
        {
            return false;
        }

        var colon = line.IndexOf((byte)':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (field.SequenceEqual("data"u8))
        {
            AppendData(value);
        }
        else if (field.SequenceEqual("event"u8))
        {
            _eventType = TypeName(value);
        }

        return false;
    }

    private void AppendData(ReadOnlySpan<byte> value)
    {
        var separator = _hasData ? 1 : 0;
        var length = (long)_dataLength + separator + value.Length;
        if (length > _maxEventBytes)
        {
            throw new SseEventTooLargeException(_maxEventBytes);
        }

        if (length > _data.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(
                (int)Math.Min(Math.Max(length, 2L * _data.Length), _maxEventBytes));
            _data.AsSpan(0, _dataLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_data);
            _data = larger;
        }

        if (_hasData)
        {
            _data[_dataLength++] = (byte)'\n';
        }

        value.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += value.Length;
        _hasData = true;
    }

    /// <summary>Ends the event being read: true when it carries data other than white space.</summary>
    private bool Dispatch()
    {
        var hasContent = _hasData && _data.AsSpan(0, _dataLength).IndexOfAnyExcept(" \t\n"u8) >= 0;
        if (hasContent)
        {
            EventType = _eventType;
            _dispatchedLength = _dataLength;
        }

        _dataLength = 0;
        _hasData = false;
        _eventType = DefaultEventType;
        return hasContent;
    }

    /// <summary>
    /// The type as a string, allocated only when it differs from the default and from the last one seen.
    /// </summary>
    private string TypeName(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.SequenceEqual("message"u8))
        {
            return DefaultEventType;
        }

        if (!value.SequenceEqual(_lastTypeBytes))
        {
            _lastTypeBytes = value.ToArray();
            _lastTypeName = Encoding.UTF8.GetString(value);
        }

        return _lastTypeName;
    }

    /// <summary>
    /// Skips a UTF-8 byte order mark at the start of the body; false while too few bytes have arrived to tell.
    /// </summary>
    private bool SkipByteOrderMark()
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var bom = "\uFEFF"u8;
        if (pending.Length < bom.Length && !_endOfBody && bom.StartsWith(pending))
        {
            return false;
        }

        if (pending.StartsWith(bom))
        {
            _start += bom.Length;
        }

        _bomChecked = true;
        return true;
    }

    private async ValueTask FillAsync()
    {
        // What is left is part of one line; it moves to the front, and the buffer grows only for a line longer than it.
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(
                (int)Math.Min(2L * _buffer.Length, (long)_maxEventBytes + LineOverhead + 1));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _idle.ReadStarting();
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), _idle.Token).ConfigureAwait(false);
        }
        finally
        {
            _idle.ReadEnded();
        }

        if (read == 0)
        {
            _endOfBody = true;
        }

        _end += read;
    }
}
