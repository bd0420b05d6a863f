namespace MemOS.Client;

/// <summary>A streamed chat answer failed after it started: the service sent an error event, or the stream stopped before its end marker. Text already received may be incomplete.</summary>
public sealed class MemOSStreamException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSStreamException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSStreamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
