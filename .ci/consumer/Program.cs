using MemOS.Client;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

await using var emulator = await MemOSEmulator.StartAsync();
using var client = emulator.CreateClient();
await client.AddMessageAsync("consumer", "c1", [MemOSMessage.User("I choose 7 Days Inn.")]);
var found = await client.SearchMemoryAsync("consumer", "Which hotel did I choose?");
Console.WriteLine($"consumer: {found.Memories.Count} memory found: {found.Memories[0].MemoryValue}");
