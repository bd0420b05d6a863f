using MemOS.Client.Tasks;

namespace MemOS.Client;

/// <summary>
/// An asynchronous task (an add/message or add/feedback write) ended as <c>failed</c>. The
/// write was accepted but not turned into memories; multimodal input over the documented limits
/// fails this way.
/// </summary>
public sealed class MemOSTaskFailedException : MemOSException
{
    /// <summary>Creates an exception with a default message.</summary>
    public MemOSTaskFailedException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public MemOSTaskFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public MemOSTaskFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The task's final status as the service reported it.</summary>
    public TaskStatusResult? Status { get; init; }
}
