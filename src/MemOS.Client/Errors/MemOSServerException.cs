namespace MemOS.Client;

/// <summary>
/// The service failed on its side (HTTP 5xx, codes 50xxx). Usually transient; see <see
/// cref="MemOSException.IsTransient"/>.
/// </summary>
public sealed class MemOSServerException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSServerException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
