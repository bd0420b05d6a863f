using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

/// <summary>
/// Stands in for a real model: it echoes the question and keeps the instructions it was given,
/// so the sample can show what the memory provider put there.
/// </summary>
internal sealed class EchoChatClient : IChatClient
{
    public string LastInstructions { get; private set; } = string.Empty;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastInstructions = options?.Instructions ?? string.Empty;
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
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
