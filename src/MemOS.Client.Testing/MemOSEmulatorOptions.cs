namespace MemOS.Client.Testing;

/// <summary>
/// How <see cref="MemOSEmulator.StartAsync(MemOSEmulatorOptions, CancellationToken)"/> starts an emulator.
/// </summary>
public sealed class MemOSEmulatorOptions
{
    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API key <see cref="MemOSEmulator.ApiKey"/> names; a new random key when null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The clock memories are stamped with; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// A JSON file that keeps the memories and messages of <see cref="MemOSEmulator.ApiKey"/> across restarts:
    /// read at start when it exists, written when the emulator is disposed (and by
    /// <see cref="MemOSEmulator.SaveStateAsync"/>), through a temporary file so a stop midway leaves the previous
    /// state whole. It never holds the key. Null (the default) keeps everything in memory only.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// Called with each request once it is answered, e.g. to print a request log; the same entries
    /// <see cref="MemOSEmulator.Requests"/> lists.
    /// </summary>
    public Action<EmulatorRequestEntry>? OnRequest { get; set; }
}
