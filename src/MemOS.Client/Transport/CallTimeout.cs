namespace MemOS.Client.Transport;

/// <summary>
/// The one cancellation source of a call: it fires when the call's overall timeout passes or the
/// caller cancels, and every attempt of the call runs under it. Sources whose timer did not fire
/// are reset and kept for later calls, so a call costs neither a new source nor a new timer.
/// </summary>
internal readonly struct CallTimeout : IDisposable
{
    // A few per core: calls in flight at once each hold one; more are made and dropped as needed.
    private static readonly CancellationTokenSource?[] Kept =
        new CancellationTokenSource?[Environment.ProcessorCount * 4];

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _caller;

    private CallTimeout(CancellationTokenSource source, CancellationTokenRegistration caller)
    {
        _source = source;
        _caller = caller;
    }

    /// <summary>The token the call's work runs under.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts the timeout of a call; <paramref name="callerToken"/>'s cancellation cancels it too.</summary>
    public static CallTimeout Start(TimeSpan timeout, CancellationToken callerToken)
    {
        var source = Take();
        source.CancelAfter(timeout);

        // Registered only when the caller can cancel: a token that never fires costs nothing.
        var caller = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new CallTimeout(source, caller);
    }

    /// <summary>Ends the call: its source is reset and kept when it never fired, else dropped.</summary>
    public void Dispose()
    {
        // Waits for a cancellation in progress, so the source is never reset under it.
        _caller.Dispose();
        if (!_source.TryReset())
        {
            _source.Dispose();
            return;
        }

        for (var i = 0; i < Kept.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Kept[i], _source, null) is null)
            {
                return;
            }
        }

        _source.Dispose();
    }

    private static CancellationTokenSource Take()
    {
        for (var i = 0; i < Kept.Length; i++)
        {
            if (Volatile.Read(ref Kept[i]) is not null && Interlocked.Exchange(ref Kept[i], null) is { } kept)
            {
                return kept;
            }
        }

        return new CancellationTokenSource();
    }
}
