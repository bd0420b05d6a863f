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

    /// <summary>
    /// What is wrong with these options, each naming the setting as <paramref name="path"/> writes it.
    /// </summary>
    internal List<string> GetValidationErrors(SettingPath path)
    {
        var errors = new List<string>();
        if (MaxRetries is < 0 or > MemOSLimits.MaxRetries)
        {
            errors.Add($"{path["MaxRetries"]} is '{MaxRetries}'; use a whole number from 0 (no retries) to "
                + $"{MemOSLimits.MaxRetries}.");
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{path["BaseDelay"]} is '{SettingPath.Text(BaseDelay)}'; use a time span of zero or more, such "
                + "as 00:00:00.5 (half a second).");
        }
        else if (MaxDelay < BaseDelay)
        {
            errors.Add($"{path["MaxDelay"]} is '{SettingPath.Text(MaxDelay)}', shorter than {path["BaseDelay"]} "
                + $"('{SettingPath.Text(BaseDelay)}'); use a time span at least as long, such as 00:00:10.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{path["MaxRetryAfter"]} is '{SettingPath.Text(MaxRetryAfter)}'; use a time span of zero or "
                + "more, such as 00:00:30.");
        }

        OptionChecks.PositiveTimeSpan(AttemptTimeout, path["AttemptTimeout"], path, errors);
        return errors;
    }
}
