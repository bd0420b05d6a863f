using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

/// <summary>A fake model: answers with the question, and keeps the system prompt it was given.</summary>
internal sealed class EchoChatClient : IChatClient
{
    public string SystemPrompt { get; private set; } = "";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        SystemPrompt = string.Join("\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"(echo) {question}")));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Assistant, response.Text);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
