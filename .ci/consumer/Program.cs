using MemOS.Client;
using MemOS.Client.Agents;
using MemOS.Client.AI;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

await using var emulator = await MemOSEmulator.StartAsync();
using var client = emulator.CreateClient();
await client.AddMessageAsync("consumer", "c1", [MemOSMessage.User("I choose 7 Days Inn.")]);
var found = await client.SearchMemoryAsync("consumer", "Which hotel did I choose?");
Console.WriteLine($"consumer: {found.Memories.Count} memory found: {found.Memories[0].MemoryValue}");

// The Agents package: a ChatClientAgent whose model sees the recalled memory in its instructions.
var model = new InstructionsEcho();
var agent = new ChatClientAgent(model, new ChatClientAgentOptions
{
    AIContextProviders = [new MemOSContextProvider(client, _ => new MemOSMemoryScope { UserId = "consumer" })],
});
await agent.RunAsync("Which hotel did I choose?", await agent.CreateSessionAsync());
var recalled = model.Instructions.Split('\n').First(line => line.StartsWith("- ", StringComparison.Ordinal));
Console.WriteLine($"consumer agent received: {recalled}");

internal sealed class InstructionsEcho : IChatClient
{
    public string Instructions { get; private set; } = string.Empty;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Instructions = options?.Instructions ?? string.Empty;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
