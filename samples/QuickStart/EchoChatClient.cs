using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

/// <summary>
/// Stands in for a real model (OpenAI, Ollama, ...): it echoes the question and keeps the system
/// messages it was given, so the quick start can show what the memory middleware put there.
/// </summary>
internal sealed class EchoChatClient : IChatClient
{
    public IReadOnlyList<string> LastSystemMessages { get; private set; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        LastSystemMessages = list.Where(m => m.Role == ChatRole.System).Select(m => m.Text).ToList();
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
