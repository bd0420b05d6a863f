namespace MemOS.Client.Testing.Emulation;

/// <summary>The memories a search or chat recalled, or why the request was invalid.</summary>
internal sealed record Recall(
    IReadOnlyList<(StoredMemory Memory, double Score)> Facts,
    IReadOnlyList<(StoredMemory Memory, double Score)> Preferences,
    string? Error);
