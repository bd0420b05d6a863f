// MemOS quick start: remember a conversation, recall it, chat with memory, and give any IChatClient memory.
// With MEMOS_API_KEY set it talks to the MemOS cloud; without it, to the built-in local emulator.
using MemOS.Client;
using MemOS.Client.AI;
using MemOS.Client.Chat;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Extensions.AI;

await using var emulator = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MEMOS_API_KEY"))
    ? await MemOSEmulator.StartAsync()
    : null;
if (emulator is not null)
{
    Console.WriteLine($"MEMOS_API_KEY is not set: using the local MemOS emulator at {emulator.BaseUrl}.");
}

using var client = emulator?.CreateClient() ?? MemOSClient.FromEnvironment();
const string userId = "memos_user_123";
const string conversationId = "0610";

// 1. Write a conversation; MemOS turns it into memories.
var added = await client.AddMessageAsync(userId, conversationId,
[
    MemOSMessage.User("I have booked a summer trip to Guangzhou. Which hotel chains are available?"),
    MemOSMessage.Assistant("You can consider 7 Days Inn, Ji Hotel, Hilton, and others."),
    MemOSMessage.User("I choose 7 Days Inn."),
    MemOSMessage.Assistant("Got it. Feel free to ask if you have other questions."),
]);
Console.WriteLine($"Added messages: task {added.TaskId} is {added.Status}.");

// 2. Recall what is relevant to a question.
var found = await client.SearchMemoryAsync(userId, "Which hotel did I choose?");
Console.WriteLine(found.Memories.Count == 1 ? "Found 1 memory:" : $"Found {found.Memories.Count} memories:");
foreach (var memory in found.Memories)
{
    Console.WriteLine($"  [{memory.Relativity:0.00}] {memory.MemoryValue}");
}

// 3. Chat with memory.
var answer = await client.ChatAsync(userId, conversationId, "Which hotel did I choose, and why?");
Console.WriteLine($"Chat: {answer.Response}");

// 4. The same, streamed as it is generated.
Console.Write("Streamed chat: ");
await foreach (var update in client.ChatStreamAsync(userId, conversationId, "Which hotel did I choose?"))
{
    if (update is ChatTextDelta delta)
    {
        Console.Write(delta.Text);
    }
}

Console.WriteLine();

// 5. Memory for any chat pipeline (Microsoft.Extensions.AI, package MemOS.Client.AI): the
//    middleware recalls memories before the model answers and writes the turn back after.
//    A fake echo model stands in for a real one, to show the prompt it received.
var model = new EchoChatClient();
using var chatWithMemory = new ChatClientBuilder(model)
    .UseMemOSMemory(client)
    .UseFunctionInvocation()
    .Build();
var reply = await chatWithMemory.GetResponseAsync(
    "Which hotel did I choose?",
    new ChatOptions { AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = userId, [MemOSMemoryScope.ConversationIdKey] = conversationId } });
Console.WriteLine("Memory middleware: the model received this system message:");
foreach (var line in model.LastSystemMessages.SelectMany(message => message.Split('\n')))
{
    Console.WriteLine($"  | {line}".TrimEnd());
}

Console.WriteLine($"Model answer: {reply.Text}");
