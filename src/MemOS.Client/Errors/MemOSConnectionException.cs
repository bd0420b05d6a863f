namespace MemOS.Client;

/// <summary>
/// No response was received: the connection could not be made or was lost (DNS, refused, reset, TLS). Transient.
/// </summary>
public sealed class MemOSConnectionException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSConnectionException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
