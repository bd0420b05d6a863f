namespace MemOS.Client;

/// <summary>
/// What the request names does not exist: memory, user, task or knowledge base (codes 40001, 40307, 40308, 50120,
/// 50123, 50131), or HTTP 404.
/// </summary>
public sealed class MemOSNotFoundException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public MemOSNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
