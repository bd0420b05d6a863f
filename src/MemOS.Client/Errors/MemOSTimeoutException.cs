namespace MemOS.Client;

/// <summary>
/// The call took longer than the configured timeout (<see cref="MemOSClientOptions.Timeout"/>, or <see
/// cref="MemOSClientOptions.StreamIdleTimeout"/> between stream events). Not raised when the caller's own token is
/// cancelled: that is an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class MemOSTimeoutException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSTimeoutException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
