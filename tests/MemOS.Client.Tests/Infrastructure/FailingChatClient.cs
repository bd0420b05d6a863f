using Microsoft.Extensions.AI;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>A fake model that is down: every call throws, so an agent run over it fails.</summary>
public sealed class FailingChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new HttpRequestException("The model is unavailable.");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => throw new HttpRequestException("The model is unavailable.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
