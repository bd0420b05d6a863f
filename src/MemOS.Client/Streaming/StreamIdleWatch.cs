using System.Diagnostics;

namespace MemOS.Client.Streaming;

/// <summary>
/// Cancels a stream's reads when one of them waits longer than the idle timeout for bytes. One
/// timer per stream checks a timestamp the reader sets around each read, so receiving bytes (an
/// event, a partial event or a <c>: ping</c> comment) costs a timestamp, not a timer reschedule.
/// Time the caller spends between events is not counted: only a read in progress can go idle.
/// </summary>
internal sealed class StreamIdleWatch : IDisposable
{
    // System.Threading.Timer takes at most 0xFFFFFFFE ms (about 49 days); a longer limit is no limit.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly CancellationTokenSource? _cancellation;
    private readonly Timer? _timer;
    private readonly TimeSpan _timeout;
    private long _readStartedAt;
    private volatile bool _expired;

    /// <param name="timeout">The longest one read may wait for bytes, or
    /// <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="callerToken">The caller's token, which <see cref="Token"/> also follows.</param>
    public StreamIdleWatch(TimeSpan timeout, CancellationToken callerToken)
    {
        _timeout = timeout;
        if (timeout == Timeout.InfiniteTimeSpan || timeout > LongestTimer)
        {
            Token = callerToken;
            return;
        }

        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        Token = _cancellation.Token;
        _timer = new Timer(static state => ((StreamIdleWatch)state!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The token to read with: cancelled by the caller, or when a read has gone idle.</summary>
    public CancellationToken Token { get; }

    /// <summary>Whether the reads were cancelled because one of them went idle.</summary>
    public bool Expired => _expired;

    /// <summary>A read is about to wait for bytes: the idle time counts from now.</summary>
    public void ReadStarting() => Volatile.Write(ref _readStartedAt, Stopwatch.GetTimestamp());

    /// <summary>
    /// The read returned (with bytes, or at the end of the body): nothing is waited for until the next read.
    /// </summary>
    public void ReadEnded() => Volatile.Write(ref _readStartedAt, 0);

    public void Dispose()
    {
        _timer?.Dispose();
        _cancellation?.Dispose();
    }

    private void Check()
    {
        var startedAt = Volatile.Read(ref _readStartedAt);
        var next = _timeout;
        if (startedAt != 0)
        {
            var waited = Stopwatch.GetElapsedTime(startedAt);
            if (waited >= _timeout)
            {
                _expired = true;
                Cancel();
                return;
            }

            next = _timeout - waited;
        }

        try
        {
            _timer!.Change(next, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The stream ended while this check ran.
        }
    }

    private void Cancel()
    {
        try
        {
            _cancellation!.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended while this check ran.
        }
    }
}
