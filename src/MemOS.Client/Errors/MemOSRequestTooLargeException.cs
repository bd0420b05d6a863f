namespace MemOS.Client;

/// <summary>
/// The request is larger than the service takes in one call: code 40305 (over the single-request
/// token limit) or 40013 (the messages are too long). Shorten the request or split it over several
/// calls; repeating it unchanged will not help, and waiting will not either (unlike a quota).
/// </summary>
public sealed class MemOSRequestTooLargeException : MemOSValidationException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSRequestTooLargeException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSRequestTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSRequestTooLargeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
