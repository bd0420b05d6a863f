using System.Net;
using System.Runtime.CompilerServices;
using MemOS.Client.Api;
using MemOS.Client.Chat;
using MemOS.Client.Errors;
using MemOS.Client.Transport;

namespace MemOS.Client.Streaming;

/// <summary>
/// The per-event loop of a chat stream: reads each SSE event off the body, types it, and turns
/// every way a stream can end wrong into its exception: an error event, a body that does not decompress, an unreadable
/// or
/// oversized event, a body cut inside an event or before its end marker, a read gone idle.
/// </summary>
internal sealed class ChatEventReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly MemOSTransport _transport;
    private readonly MemOSCall _call;
    private readonly RouteFacts _operation;
    private readonly HttpStatusCode _status;
    private readonly string? _traceId;
    private readonly bool _requireEndMarker;
    private readonly CancellationToken _cancellationToken;
    private readonly StreamIdleWatch _idle;
    private readonly SseEventReader _events;
    private bool _ended;

    /// <param name="body">The response body, an event stream.</param>
    /// <param name="response">The response, owned from here: disposed with the reader.</param>
    /// <param name="transport">Gives the idle timeout, the event size limit and the redactor.</param>
    /// <param name="call">The call: its operation names it in messages, and a failed write says whether it may have
    /// been applied.</param>
    /// <param name="status">The response's status, for messages.</param>
    /// <param name="traceId">The response's trace id, for messages.</param>
    /// <param name="requireEndMarker">Whether a stream that closes without its end event is cut.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public ChatEventReader(
        Stream body,
        HttpResponseMessage response,
        MemOSTransport transport,
        MemOSCall call,
        HttpStatusCode status,
        string? traceId,
        bool requireEndMarker,
        CancellationToken cancellationToken)
    {
        _response = response;
        _transport = transport;
        _call = call;
        _operation = call.Route;
        _status = status;
        _traceId = traceId;
        _requireEndMarker = requireEndMarker;
        _cancellationToken = cancellationToken;
        _idle = new StreamIdleWatch(transport.StreamIdleTimeout, cancellationToken);
        _events = new SseEventReader(body, _idle, transport.MaxStreamEventBytes);
    }

    /// <summary>The next event, ending with exactly one <see cref="ChatStreamEnd"/>; null after it.</summary>
    /// <remarks>An event already buffered is typed and returned without an async step.</remarks>
    public ValueTask<ChatStreamEvent?> ReadAsync()
    {
        if (_ended)
        {
            return default;
        }

        ValueTask<bool> read;
        try
        {
            read = _events.ReadAsync();
        }
        catch (SseEventTooLargeException exception)
        {
            throw TooLarge(exception);
        }

        return read.IsCompletedSuccessfully
            ? new ValueTask<ChatStreamEvent?>(Next(read.Result))
            : ReadPendingAsync(read);
    }

    public void Dispose()
    {
        _events.Dispose();
        _idle.Dispose();
        _response.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ChatStreamEvent?> ReadPendingAsync(ValueTask<bool> pending)
    {
        bool read;
        try
        {
            read = await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (Rulebook.IsInterruption(exception))
        {
            throw _transport.Fail(_call, ReadFailure(exception), _cancellationToken);
        }
        catch (SseEventTooLargeException exception)
        {
            throw TooLarge(exception);
        }
        catch (Exception exception) when (Rulebook.IsUndecodableBody(exception))
        {
            throw _transport.Fail(
                _call,
                MemOSErrorFactory.StreamUndecodable(_operation.Name, _status, _traceId, exception),
                _cancellationToken);
        }

        return Next(read);
    }

    /// <summary>
    /// Types the event just read (or the end of the body), throwing for every way a stream can end wrong.
    /// </summary>
    private ChatStreamEvent Next(bool read)
    {
        if (!read)
        {
            _ended = true;
            return _requireEndMarker
                ? throw _transport.Fail(
                    _call,
                    MemOSErrorFactory.StreamCut(_operation.Name, _status, _traceId, inner: null),
                    _cancellationToken)
                : new ChatStreamEnd();
        }

        var next = ChatStreamEventParser.Parse(_events.EventType, _events.Data);
        switch (next)
        {
            case ChatStreamError error:
                throw _transport.Fail(_call, MemOSErrorFactory.StreamError(
                    _operation.Name,
                    error.Message,
                    _status,
                    _traceId,
                    _transport.Redactor), _cancellationToken);
            case ChatStreamInvalidEvent invalid:
                // Data that does not parse is what a body cut inside its last event looks like.
                throw _transport.Fail(
                    _call,
                    _events.Terminated
                        ? MemOSErrorFactory.StreamInvalidEvent(_operation.Name, invalid.Problem, _status, _traceId)
                        : MemOSErrorFactory.StreamCutInEvent(_operation.Name, _status, _traceId),
                    _cancellationToken);
            case ChatStreamEnd:
                _ended = true;
                break;
        }

        return next;
    }

    private Exception TooLarge(SseEventTooLargeException exception)
        => _transport.Fail(
            _call,
            MemOSErrorFactory.StreamEventTooLarge(_operation.Name, exception.Limit, _status, _traceId),
            _cancellationToken);

    private Exception ReadFailure(Exception exception)
    {
        // The caller's own cancellation is mapped by the transport's Fail, as for every call.
        if (_cancellationToken.IsCancellationRequested)
        {
            return exception;
        }

        return _idle.Expired
            ? MemOSErrorFactory.StreamIdle(_operation.Name, _transport.StreamIdleTimeout, _status, _traceId, exception)
            : MemOSErrorFactory.StreamCut(_operation.Name, _status, _traceId, exception);
    }
}
