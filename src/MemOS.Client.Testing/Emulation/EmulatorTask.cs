namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// An asynchronous write. It reports <c>running</c> at its first status poll and <c>completed</c>
/// afterwards, so callers exercise the same waiting they need against the service.
/// </summary>
internal sealed class EmulatorTask
{
    public required IReadOnlyList<string> FactIds { get; init; }

    public required IReadOnlyList<string> PreferenceIds { get; init; }

    public int Polls { get; set; }
}
