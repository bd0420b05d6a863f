namespace MemOS.Client.Tasks;

/// <summary>How <see cref="MemOSTaskExtensions.WaitForTaskAsync"/> polls get/status.</summary>
public sealed class TaskWaitOptions
{
    /// <summary>
    /// The wait before the second poll; each later wait doubles, up to <see cref="MaxPollInterval"/>. Default 500 ms.
    /// </summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two polls. Default 5 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long to wait in all before giving up with <see cref="MemOSTimeoutException"/>. Default 2 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock the waits run on; the system clock when null. Tests pass a fake one.</summary>
    public TimeProvider? TimeProvider { get; set; }

    internal void Validate()
    {
        if (InitialPollInterval <= TimeSpan.Zero || MaxPollInterval < InitialPollInterval)
        {
            throw new ArgumentException(
                "InitialPollInterval must be positive and no larger than MaxPollInterval.",
                nameof(InitialPollInterval));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(Timeout));
        }
    }
}
