using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Polly;
using Polly.RateLimiting;

namespace MemOS.Client.Resilience;

/// <summary>
/// The rate budget in the resilience pipeline (<see cref="MemOSClientOptions.RateLimiter"/>): a
/// permit for every attempt, retries included, and the pause every client sharing the budget
/// takes when the service asks to wait.
/// </summary>
internal sealed class RateBudget
{
    // Keyed by the limiter, so that every client of this process sharing it shares its pause too.
    private static readonly ConditionalWeakTable<RateLimiter, LocalRatePause> LocalPauses = [];

    private readonly RateLimiter _limiter;
    private readonly IMemOSRatePause _pause;
    private readonly LocalRatePause? _localPause;

    public RateBudget(RateLimiter limiter, TimeProvider time)
    {
        _limiter = limiter;
        if (limiter is IMemOSRatePause own)
        {
            _pause = own;
        }
        else
        {
            _pause = _localPause = LocalPauses.GetValue(limiter, shared => new LocalRatePause(shared, time));
        }
    }

    /// <summary>
    /// Acquires before each attempt: waiting is bounded by the call's token (its timeout and the caller's
    /// cancellation), not by the attempt's timeout.
    /// </summary>
    public RateLimiterStrategyOptions StrategyOptions() => new()
    {
        Name = "MemOS.RateBudget",
        RateLimiter = args => AcquireAsync(args.Context.CancellationToken),
    };

    /// <summary>A rate-limited answer: with a wait, every client sharing the budget takes it.</summary>
    public void RateLimited(TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _pause.Pause(wait);
        }
    }

    private async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_localPause is not null)
        {
            await _localPause.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }
}
