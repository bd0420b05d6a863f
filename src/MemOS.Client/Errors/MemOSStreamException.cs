namespace MemOS.Client;

/// <summary>
/// A streamed chat answer failed after it started: the service sent an error event (its text in
/// <see cref="MemOSException.ServerMessage"/>), an event that cannot be read (not UTF-8 or not JSON)
/// or one larger than <c>MaxStreamEventBytes</c>, or the stream stopped before its end marker or in
/// the middle of an event. The events already received stand, but the answer may be incomplete.
/// </summary>
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
