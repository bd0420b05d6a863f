namespace MemOS.Client;

/// <summary>
/// The service rejected the request as invalid: codes 4000x/4001x, file-limit codes 501xx, or HTTP 400/422. Fix the
/// request; repeating it will not help.
/// </summary>
public class MemOSValidationException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSValidationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
