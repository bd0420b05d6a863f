using System.Threading.RateLimiting;

namespace MemOS.Client.Resilience;

/// <summary>
/// The pause of a rate budget that cannot pause itself: every client of this process that shares
/// the limiter waits out the service's <c>Retry-After</c>, then the permits the limiter saved up
/// meanwhile are spent once, so sending resumes at its rate instead of in a burst.
/// </summary>
internal sealed class LocalRatePause(RateLimiter limiter, TimeProvider time) : IMemOSRatePause
{
    private long _until;
    private long _drainedFor;

    public void Pause(TimeSpan retryAfter)
    {
        var until = time.GetTimestamp() + (long)(retryAfter.TotalSeconds * time.TimestampFrequency);
        var current = Volatile.Read(ref _until);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref _until, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// Returns once no pause is running; the first waiter after a pause spends what the limiter saved up.
    /// </summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var until = Volatile.Read(ref _until);
        if (until == 0)
        {
            return;
        }

        for (var remaining = until - time.GetTimestamp(); remaining > 0; remaining = until - time.GetTimestamp())
        {
            await Task.Delay(TimeSpan.FromSeconds((double)remaining / time.TimestampFrequency), time, cancellationToken)
                .ConfigureAwait(false);
            until = Volatile.Read(ref _until);
        }

        if (Interlocked.Exchange(ref _drainedFor, until) != until
            && limiter.GetStatistics()?.CurrentAvailablePermits is > 0 and var saved)
        {
            // A token bucket or window refills during the pause; spent here, the waiters queue for fresh permits.
            limiter.AttemptAcquire((int)Math.Min(saved, int.MaxValue)).Dispose();
        }
    }
}
