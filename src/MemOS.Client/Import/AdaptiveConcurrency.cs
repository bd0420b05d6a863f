namespace MemOS.Client.Import;

/// <summary>
/// An additive-increase, decreasing-on-evidence limit on requests in flight. The service answers
/// 40309 for two reasons, told apart by how many requests it held when it refused one. Beyond a cap
/// on requests at once, it held the others in flight (less those waiting out a 40309): the limit
/// drops to that many and the import goes on at that capacity, without pausing. A refusal with
/// clearly fewer in flight than the last one, or of a request sent alone (or one at a time), means
/// a limit per time window: the limit halves and every sender pauses until the Retry-After has passed. Each success
/// adds 1/limit (about one more slot per round of
/// requests); above the last cap found, growth is slower, so the import probes for more capacity
/// rarely rather than drawing a 40309 every round. It hears of a rate limit on the attempt that met
/// it, while the client's retry of that call waits. Requests that were already in flight when the
/// limit was cut do not cut it again, so one burst of rejections counts once.
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
    private readonly List<long> _waitingUntil = [];
    private double _cap = double.MaxValue;
    private long _lastRefusalUntil;

    /// <summary>How much slower the limit grows above the last cap found than below it.</summary>
    private const double ProbeSlowdown = 16;

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
            _limit = Math.Min(_max, _limit + (_limit < _cap ? 1 / _limit : 1 / (_limit * ProbeSlowdown)));
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
    /// Told of a rate-limited attempt of a call that holds a slot (the client sends it again itself,
    /// after <paramref name="wait"/>): lowers the limit, once per epoch, and pauses every sender only
    /// when the evidence says the limit is per time window.
    /// </summary>
    /// <param name="epoch">The epoch the call last saw.</param>
    /// <param name="wait">How long the service asked to wait.</param>
    /// <param name="paused">Whether this paused every sender (the caller counts it as a rate-limit wait).</param>
    /// <returns>The current epoch, for the call's next rate limit.</returns>
    public long RateLimited(long epoch, TimeSpan wait, out bool paused)
    {
        lock (_gate)
        {
            paused = false;
            var now = _time.GetUtcNow().UtcTicks;
            _waitingUntil.RemoveAll(until => until <= now);

            // The requests the service held besides this one: those in flight, less those waiting out a 40309.
            var others = Math.Max(0, _inFlight - 1 - _waitingUntil.Count);
            _waitingUntil.Add(now + wait.Ticks);
            if (epoch != _epoch)
            {
                // Sent before the last cut: part of the burst that cut it.
                return _epoch;
            }

            _epoch++;

            // Refused with clearly fewer in flight than at the last refusal (our count runs a
            // request or so high: answers in transit), or with fewer before its Retry-After has
            // passed, alone, or one at a time: the service counts requests per window, not at once.
            var perWindow = others == 0
                || _limit <= 1
                || (_cap < double.MaxValue && (others < _cap - 1 || (others < _cap && now < _lastRefusalUntil)));
            _lastRefusalUntil = now + wait.Ticks;
            if (!perWindow)
            {
                // The service held the others in flight: that many at once is its capacity now. The
                // import goes on at that level, without a pause.
                _cap = others;
                _limit = Math.Max(1, Math.Min(_limit - 1, _cap));
            }
            else
            {
                // Every sender waits for the window to pass.
                _limit = Math.Max(1, Math.Floor(_limit / 2));
                _pausedUntil = Math.Max(_pausedUntil, now + wait.Ticks);
                paused = true;
            }

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
