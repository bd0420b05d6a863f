namespace MemOS.Client;

/// <summary>
/// A rate budget (the <see cref="System.Threading.RateLimiting.RateLimiter"/> set as
/// <see cref="MemOSClientOptions.RateLimiter"/>) that stops every client sharing it when the service
/// answers a rate limit with a wait. Implement it when the budget is shared beyond one process (the
/// Redis budget of <c>MemOS.Client.Redis</c> does); a limiter without it is paused by the SDK for
/// every client of this process that shares it.
/// </summary>
public interface IMemOSRatePause
{
    /// <summary>
    /// The service answered a rate limit (code 40300 or 40309, or HTTP 429) and asked to wait
    /// <paramref name="retryAfter"/>: give no permit before then, and afterwards at the budget's
    /// rate, not in a burst of the permits saved up meanwhile. Called on the request's path, so it
    /// must return at once and never throw.
    /// </summary>
    /// <param name="retryAfter">The wait the service asked for, positive.</param>
    void Pause(TimeSpan retryAfter);
}
