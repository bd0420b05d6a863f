namespace MemOS.Client.Redis;

/// <summary>
/// The shape of a <see cref="RedisRateBudget"/>: the rate the whole fleet shares, and how long one request may wait.
/// </summary>
public sealed class RedisRateBudgetOptions
{
    /// <summary>
    /// Requests per second for all processes together. Set it a little below the key's limit (say
    /// 95 %): the service counts its own windows, and a request granted at the end of one of ours
    /// may land in the next of its.
    /// </summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>
    /// How many requests may go at once after a quiet spell, at least 1. The service counts a
    /// window whole, so permits per second plus this burst should stay within the key's limit.
    /// Default 1: evenly spaced requests.
    /// </summary>
    public int Burst { get; set; } = 1;

    /// <summary>
    /// The longest one request waits for its permit; a longer wait is refused at once with a
    /// <see cref="MemOSRateLimitException"/> whose <see cref="MemOSRateLimitException.RefusedLocally"/>
    /// is set. The call's own timeout and cancellation bound any wait too. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a permit may take to come back from Redis before this request uses the local
    /// budget instead. Default 500 ms.
    /// </summary>
    public TimeSpan CoordinatorTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!(PermitsPerSecond > 0) || double.IsInfinity(PermitsPerSecond))
        {
            throw new ArgumentException(
                $"RedisRateBudgetOptions.PermitsPerSecond must be a positive number; it is {PermitsPerSecond}.");
        }

        if (Burst < 1)
        {
            throw new ArgumentException($"RedisRateBudgetOptions.Burst must be at least 1; it is {Burst}.");
        }

        if (MaxWait < TimeSpan.Zero)
        {
            throw new ArgumentException("RedisRateBudgetOptions.MaxWait must not be negative.");
        }

        if (CoordinatorTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RedisRateBudgetOptions.CoordinatorTimeout must be positive.");
        }
    }
}
