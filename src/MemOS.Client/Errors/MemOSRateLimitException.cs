namespace MemOS.Client;

/// <summary>
/// Too many requests or tokens in the current time window (codes 40300 and 40309, or HTTP 429).
/// Wait <see cref="RetryAfter"/> when the service said how long, then retry with less concurrency.
/// When <see cref="RefusedLocally"/> is set, the service was not asked: the client's own rate budget
/// (<see cref="MemOSClientOptions.RateLimiter"/>) refused to send the request.
/// </summary>
public sealed class MemOSRateLimitException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSRateLimitException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSRateLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSRateLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// How long the service asked to wait (<c>Retry-After</c> header or <c>retry_after</c> body field),
    /// when it said; for a refusal of the local budget, how long until it expects a permit, when it knows.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// <see langword="true"/> when the request was never sent: the rate budget set as
    /// <see cref="MemOSClientOptions.RateLimiter"/> refused it a permit (its queue was full).
    /// <see langword="false"/> when the service itself answered with a rate limit.
    /// </summary>
    public bool RefusedLocally { get; init; }
}
