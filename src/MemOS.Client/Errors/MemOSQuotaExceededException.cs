namespace MemOS.Client;

/// <summary>
/// A token or call quota was exceeded (codes 40301 to 40304): lower <c>max_tokens</c>, shorten the chat, or raise the
/// plan's quota. An input over the single-request limit (40305) is a <see cref="MemOSRequestTooLargeException"/>.
/// </summary>
public sealed class MemOSQuotaExceededException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSQuotaExceededException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSQuotaExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSQuotaExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
