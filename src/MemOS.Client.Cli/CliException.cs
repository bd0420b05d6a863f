namespace MemOS.Client.Cli;

/// <summary>A mistake in how the tool was called (a missing key, a bad URL); printed without a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
