namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// One client in the line-up: its key in the tables, what it is, and how its process is started (the
/// client key its child runs, and the benchmark executable that runs it; this one when null).
/// </summary>
/// <remarks>
/// An entrant from another build of this benchmark (<c>--baseline</c>) runs that build's client in that build's
/// process, so an earlier commit of the SDK is measured beside this one in the same run, against the same nginx.
/// </remarks>
internal sealed record ServedEntrant(string Key, string Description, string ChildKey, string? Executable = null);
