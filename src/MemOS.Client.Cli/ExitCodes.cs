namespace MemOS.Client.Cli;

/// <summary>What the tool's exit code means.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>A call failed, or an import left messages not written or possibly written.</summary>
    public const int Failed = 1;

    /// <summary>The command line or its configuration was wrong (no key, bad file).</summary>
    public const int Usage = 2;

    /// <summary>Cancelled (Ctrl+C); an import with a checkpoint can be resumed.</summary>
    public const int Cancelled = 130;
}
