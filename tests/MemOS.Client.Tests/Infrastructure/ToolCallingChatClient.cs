using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>
/// A fake model that uses a tool: asked a question, it first calls <c>find_hotel</c>; given the
/// tool's result, it answers with it. It keeps every prompt, so tests can see what reached it.
/// </summary>
public sealed class ToolCallingChatClient : IChatClient
{
    public const string ToolName = "find_hotel";

    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Calls { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Enqueue(list);
        var result = list.SelectMany(message => message.Contents).OfType<FunctionResultContent>().LastOrDefault();
        var answer = result is null
            ? new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", ToolName, new Dictionary<string, object?> { ["city"] = "Guangzhou" })])
            : new ChatMessage(ChatRole.Assistant, "I booked " + result.Result + ".");
        return Task.FromResult(new ChatResponse(answer));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
