namespace MemOS.Client;

/// <summary>One row of the error table: its family, meaning and fix.</summary>
internal readonly record struct ErrorInfo(ErrorKind Kind, string Meaning, string Fix, bool Transient = false)
{
    public bool IsTransient => Transient || Kind is ErrorKind.RateLimit or ErrorKind.Server;
}
