// Built by .ci/package as a fresh console app (dotnet new console) for net8.0 with C# 12 and for
// net10.0, taking the three packages from a local folder: it must compile and run as a user's app would.
using System.Runtime.InteropServices;
using System.Text;
using MemOS.Client;
using MemOS.Client.AI;
using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Extensions.AI;

Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}");

// MemOS.Client.Testing: the emulator; MemOS.Client: a call against it.
await using var emulator = await MemOSEmulator.StartAsync();
using var client = emulator.CreateClient();
await client.AddMessageAsync("consumer", "c1", [MemOSMessage.User("I choose 7 Days Inn.")]);
var found = await client.SearchMemoryAsync("consumer", "Which hotel did I choose?");
Console.WriteLine($"search: {found.Memories.Count} memory found: {found.Memories[0].MemoryValue}");

// A params call that C# 12 must be able to make.
var filter = MemoryFilter.And(MemoryFilter.Eq("agent_id", "a1"), MemoryFilter.Contains("tags", "travel"));
Console.WriteLine($"filter: {filter.ToJson()}");

// A streamed chat.
var streamed = new StringBuilder();
var ended = false;
await foreach (var update in client.ChatStreamAsync("consumer", "c1", "Which hotel did I choose?"))
{
    switch (update)
    {
        case ChatTextDelta text: streamed.Append(text.Text); break;
        case ChatStreamEnd: ended = true; break;
    }
}

Console.WriteLine($"stream: ended={ended}, mentions the hotel={streamed.ToString().Contains("7 Days Inn", StringComparison.Ordinal)}");

// MemOS.Client.AI: the memory middleware around a fake model.
var model = new EchoChatClient();
using var chat = model.UseMemOSMemory(client);
var reply = await chat.GetResponseAsync("Which hotel did I choose?", new ChatOptions
{
    AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = "consumer", [MemOSMemoryScope.ConversationIdKey] = "c1" },
});
Console.WriteLine($"middleware: recalled into the prompt={model.SystemPrompt.Contains("I choose 7 Days Inn", StringComparison.Ordinal)}, answer={reply.Text}");
