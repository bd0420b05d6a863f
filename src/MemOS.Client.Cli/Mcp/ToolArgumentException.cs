namespace MemOS.Client.Cli.Mcp;

/// <summary>A tool call whose arguments do not fit the tool's schema; its message names the argument and why.</summary>
internal sealed class ToolArgumentException : Exception
{
    public ToolArgumentException()
    {
    }

    public ToolArgumentException(string message)
        : base(message)
    {
    }

    public ToolArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
