using MemOS.Client.Testing;

// No signal handling of its own: Ctrl+C and SIGTERM must end this process as they end any console app.
await using var emulator = await MemOSEmulator.StartAsync();
Console.WriteLine("listening " + emulator.BaseUrl);
await Task.Delay(Timeout.Infinite);
