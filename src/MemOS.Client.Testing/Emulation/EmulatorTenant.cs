namespace MemOS.Client.Testing.Emulation;

/// <summary>The data behind one API key: memories, and the tasks that produced them.</summary>
internal sealed class EmulatorTenant
{
    public object Gate { get; } = new();

    public List<StoredMemory> Memories { get; } = [];

    public Dictionary<string, string> TaskStatus { get; } = new(StringComparer.Ordinal);
}
