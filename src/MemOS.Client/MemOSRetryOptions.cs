namespace MemOS.Client;

/// <summary>
/// How failed calls are retried. Reads, updates and deletes are retried on any transient
/// failure; writes (add/message, chat, add/feedback, knowledge-base and profile creation, file
/// upload) only when the failure proves the service did not process them, because MemOS has no
/// idempotency key and a repeated write would duplicate memories.
/// </summary>
public sealed class MemOSRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The wait before the first retry; later waits grow exponentially. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest computed wait between attempts. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest <c>Retry-After</c> the SDK waits out by itself. A longer one is not slept on:
    /// the call fails at once with <see cref="MemOSRateLimitException.RetryAfter"/> set. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomises computed waits so many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The limit for one attempt of a call. Chat (plain or streamed) is exempt: an answer may take
    /// long to generate, and its headers are bounded by <see cref="MemOSClientOptions.Timeout"/>.
    /// Default 30 seconds, as the official clients use.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> GetValidationErrors()
    {
        if (MaxRetries is < 0 or > 10)
        {
            yield return "Retry.MaxRetries must be between 0 and 10.";
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            yield return "Retry.BaseDelay must not be negative nor larger than Retry.MaxDelay.";
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            yield return "Retry.MaxRetryAfter must not be negative.";
        }

        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return "Retry.AttemptTimeout must be positive (or Timeout.InfiniteTimeSpan).";
        }
    }
}
