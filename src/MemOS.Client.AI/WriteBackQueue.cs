using System.Threading.Channels;
using MemOS.Client.Messages;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.AI;

/// <summary>
/// Writes answered turns into MemOS off the reply's path: the reply returns as soon as the model is
/// done, and one background loop writes the turns in order. The queue is bounded; a turn that finds it
/// full is dropped (the newest, so the turns already waiting keep their order) with a log line and a
/// count. Disposing it drains what is queued, for at most the memory timeout; what is left then is
/// dropped the same way. With <see cref="MemOSMemorySettings.AwaitWriteBack"/> each write is awaited
/// by the call instead, as read-your-writes needs.
/// </summary>
internal sealed class WriteBackQueue : IAsyncDisposable
{
    private readonly IMemOSClient _memory;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly bool _awaited;
    private readonly Channel<Turn> _turns;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;
    private readonly object _drainLock = new();
    private Task? _drain;
    private volatile bool _closing;
    private CancellationTokenRegistration _hostStopped;

    public WriteBackQueue(IMemOSClient memory, MemOSMemorySettings settings, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.WriteBackQueueLimit, "options.WriteBackQueueLimit");
        _memory = memory;
        _logger = logger;
        _timeout = settings.MemoryTimeout;
        _awaited = settings.AwaitWriteBack;
        _turns = Channel.CreateBounded<Turn>(new BoundedChannelOptions(settings.WriteBackQueueLimit)
        {
            SingleReader = true,
        });
        _writer = _awaited ? Task.CompletedTask : Task.Run(WriteQueuedAsync);
    }

    /// <summary>
    /// Drains the queue when <paramref name="hostStopped"/> fires (the host's <c>ApplicationStopped</c>: every request
    /// has ended by then).
    /// </summary>
    public void DrainWhen(CancellationToken hostStopped)
        => _hostStopped = hostStopped.Register(
            static queue => ((WriteBackQueue)queue!).DrainAsync().GetAwaiter().GetResult(),
            this);

    /// <summary>Writes the turn: queued (returns at once) or, when awaited, before returning.</summary>
    public Task WriteAsync(
        string? userId,
        string? agentId,
        string? conversationId,
        IReadOnlyList<MemOSMessage> messages,
        CancellationToken cancellationToken)
    {
        var turn = new Turn(userId, agentId, conversationId, messages);
        if (_awaited)
        {
            return WriteOneAsync(turn, cancellationToken);
        }

        if (_turns.Writer.TryWrite(turn))
        {
            MemoryTelemetry.WriteBackQueueDepth.Add(1);
        }
        else
        {
            Drop(1, _closing ? DropReason.Stopped : DropReason.QueueFull);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync().ConfigureAwait(false);
        await _hostStopped.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private Task DrainAsync()
    {
        lock (_drainLock)
        {
            return _drain ??= DrainOnceAsync();
        }
    }

    private async Task DrainOnceAsync()
    {
        _closing = true;
        _turns.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(_timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The time to drain is up: what is still queued is dropped, and counted, by the loop.
            await _stop.CancelAsync().ConfigureAwait(false);
            await _writer.ConfigureAwait(false);
        }
    }

    private async Task WriteQueuedAsync()
    {
        await foreach (var turn in _turns.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            MemoryTelemetry.WriteBackQueueDepth.Add(-1);
            if (_stop.IsCancellationRequested)
            {
                Drop(1, DropReason.Stopped);
                continue;
            }

            await WriteOneAsync(turn, _stop.Token).ConfigureAwait(false);
        }
    }

    private Task WriteOneAsync(Turn turn, CancellationToken cancellationToken)
        => MemoryCalls.WriteAsync(
            _memory,
            turn.UserId,
            turn.AgentId,
            turn.ConversationId,
            turn.Messages,
            _timeout,
            _logger,
            cancellationToken);

    private void Drop(int count, DropReason reason)
    {
        MemoryTelemetry.WriteBackDropped.Add(
            count,
            new KeyValuePair<string, object?>("reason", reason == DropReason.QueueFull ? "queue_full" : "stopped"));
        if (reason == DropReason.QueueFull)
        {
            MemoryLog.WriteBackDroppedQueueFull(_logger, _turns.Reader.Count);
        }
        else
        {
            MemoryLog.WriteBackDroppedStopped(_logger, _timeout);
        }
    }

    private enum DropReason
    {
        QueueFull,
        Stopped,
    }

    private sealed record Turn(
        string? UserId,
        string? AgentId,
        string? ConversationId,
        IReadOnlyList<MemOSMessage> Messages);
}
