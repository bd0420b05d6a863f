namespace MemOS.Client.Import;

/// <summary>
/// An additive-increase, multiplicative-decrease limit on requests in flight: each success adds
/// 1/limit (about one more slot per round of successful requests), a rate limit halves the limit
/// and pauses every sender until the service's Retry-After has passed. It hears of a rate limit on
/// the attempt that met it, while the client's retry of that call waits. Requests that were already
/// in flight when the limit was cut do not cut it again, so one burst of rejections halves it once.
/// </summary>
internal sealed class AdaptiveConcurrency
{
    private readonly object _gate = new();
    private readonly int _max;
    private readonly TimeProvider _time;
    private readonly List<TaskCompletionSource> _waiters = [];
    private double _limit;
    private int _inFlight;
    private long _epoch;
    private long _pausedUntil;

    public AdaptiveConcurrency(int initial, int max, TimeProvider time)
    {
        _limit = initial;
        _max = max;
        _time = time;
    }

    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits for a free slot and the end of any pause; returns the epoch to hand back on release.</summary>
    public async Task<long> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan pause;
            Task wait;
            lock (_gate)
            {
                pause = TimeSpan.FromTicks(Math.Max(0, _pausedUntil - _time.GetUtcNow().UtcTicks));
                if (pause == TimeSpan.Zero && _inFlight < (int)_limit)
                {
                    _inFlight++;
                    return _epoch;
                }

                var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(waiter);
                wait = waiter.Task;
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Frees the slot after a call the service accepted.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _inFlight--;
            _limit = Math.Min(_max, _limit + (1 / _limit));
            WakeAll();
        }
    }

    /// <summary>Frees the slot after a call that failed; the limit stays (rate limits have cut it already).</summary>
    public void Failed()
    {
        lock (_gate)
        {
            _inFlight--;
            WakeAll();
        }
    }

    /// <summary>
    /// Told of a rate-limited attempt of a call that holds a slot (the client sends it again itself):
    /// halves the limit, once per epoch, and pauses every sender until the wait has passed.
    /// </summary>
    /// <param name="epoch">The epoch the call last saw.</param>
    /// <param name="wait">How long the service asked to wait.</param>
    /// <param name="fresh">Whether this started a new pause (the caller counts it as a rate-limit wait).</param>
    /// <returns>The current epoch, for the call's next rate limit.</returns>
    public long RateLimited(long epoch, TimeSpan wait, out bool fresh)
    {
        lock (_gate)
        {
            fresh = epoch == _epoch;
            if (fresh)
            {
                _epoch++;
                _limit = Math.Max(1, Math.Floor(_limit / 2));
            }

            var until = _time.GetUtcNow().UtcTicks + wait.Ticks;
            _pausedUntil = Math.Max(_pausedUntil, until);
            return _epoch;
        }
    }

    private void WakeAll()
    {
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult();
        }

        _waiters.Clear();
    }
}
