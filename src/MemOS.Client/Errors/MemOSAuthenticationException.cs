namespace MemOS.Client;

/// <summary>
/// The API key is missing, invalid, expired, not for this project, or not allowed to do this: codes 401xx and 40306, or
/// HTTP 401/403.
/// </summary>
public sealed class MemOSAuthenticationException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSAuthenticationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
