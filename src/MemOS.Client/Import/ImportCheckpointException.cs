namespace MemOS.Client.Import;

/// <summary>
/// A checkpoint that cannot be used for this import: recorded for another target, or in a format this version does not
/// read.
/// </summary>
public sealed class ImportCheckpointException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ImportCheckpointException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">Why the checkpoint cannot be used and what to do.</param>
    public ImportCheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">Why the checkpoint cannot be used and what to do.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public ImportCheckpointException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The target the checkpoint was recorded for, when it was refused for another.</summary>
    public ImportCheckpointTarget? RecordedTarget { get; init; }
}
