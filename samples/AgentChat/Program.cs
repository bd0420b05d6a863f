// An Agent Framework agent with MemOS memory: what the user said in one session is recalled in the next.
// With MEMOS_API_KEY set it talks to the MemOS cloud; without it, to the built-in local emulator.
using MemOS.Client;
using MemOS.Client.Agents;
using MemOS.Client.AI;
using MemOS.Client.Testing;
using Microsoft.Agents.AI;

await using var emulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MEMOS_API_KEY"))
    ? await MemOSEmulator.StartAsync()
    : null;
if (emulator is not null)
{
    Console.WriteLine($"MEMOS_API_KEY is not set: using the local MemOS emulator at {emulator.BaseUrl}.");
}

using var memos = emulator?.CreateClient() ?? MemOSClient.FromEnvironment();

// One provider serves every session of the agent; each session gets its own conversation id.
// A run normally returns before its turn is written; this scripted conversation recalls in session 2
// what session 1 said, so it waits for each write (read-your-writes).
var memory = new MemOSContextProvider(
    memos,
    _ => new MemOSMemoryScope { UserId = "memos_user_123", AgentId = "travel_agent" },
    new MemOSContextProviderOptions { AwaitWriteBack = true });

// A fake model stands in for a real one (OpenAI, Ollama, ...), to show what it received.
var model = new EchoChatClient();
var agent = new ChatClientAgent(model, new ChatClientAgentOptions
{
    Name = "travel_agent",
    ChatOptions = new() { Instructions = "You are a travel agent." },
    AIContextProviders = [memory],
});

// Session 1: the user states a preference; after the run it is written into MemOS.
var first = await agent.CreateSessionAsync();
Console.WriteLine($"Session 1: {await agent.RunAsync("I prefer hotels near the metro.", first)}");

// Session 2, a new conversation: before the run the provider recalls the preference.
var second = await agent.CreateSessionAsync();
var reply = await agent.RunAsync("Which hotels would I prefer in Guangzhou?", second);
Console.WriteLine("Session 2: the model received these instructions:");
foreach (var line in model.LastInstructions.Split('\n'))
{
    Console.WriteLine($"  | {line}".TrimEnd());
}

Console.WriteLine($"Session 2: {reply}");
Console.WriteLine($"Conversations: {memory.GetScope(first).ConversationId} and {memory.GetScope(second).ConversationId}.");
