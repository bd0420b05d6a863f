namespace MemOS.Client.Testing;

/// <summary>How <see cref="MemOSEmulator.StartAsync(MemOSEmulatorOptions, CancellationToken)"/> starts an emulator.</summary>
public sealed class MemOSEmulatorOptions
{
    /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API key <see cref="MemOSEmulator.ApiKey"/> names; a new random key when null.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The clock memories are stamped with; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
