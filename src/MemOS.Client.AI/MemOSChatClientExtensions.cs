using Microsoft.Extensions.AI;

namespace MemOS.Client.AI;

/// <summary>
/// Microsoft.Extensions.AI entry points: MemOS chat as an <see cref="IChatClient"/>, and MemOS memory around any chat
/// client.
/// </summary>
public static class MemOSChatClientExtensions
{
    /// <summary>
    /// MemOS chat as an <see cref="IChatClient"/>. The last user message is the query; system
    /// messages and <see cref="ChatOptions.Instructions"/> become <c>system_prompt</c> (with a
    /// <c>{memories}</c> placeholder appended when they have none, so memory stays on);
    /// <see cref="ChatOptions.ModelId"/> becomes <c>model_name</c>, and
    /// <see cref="ChatOptions.Temperature"/>, <see cref="ChatOptions.TopP"/> and
    /// <see cref="ChatOptions.MaxOutputTokens"/> are sent as <c>temperature</c>, <c>top_p</c> and
    /// <c>max_tokens</c>. <see cref="ChatOptions.ConversationId"/> and the
    /// <see cref="MemOSMemoryScope"/> keys of <see cref="ChatOptions.AdditionalProperties"/>
    /// override the ids given here. Streaming yields one update per text or reasoning delta
    /// (reasoning as <see cref="TextReasoningContent"/>), then one with the finish reason.
    /// </summary>
    /// <param name="client">The MemOS client; it is not disposed with the chat client.</param>
    /// <param name="userId">The user whose memories the chat recalls and writes.</param>
    /// <param name="conversationId">The conversation; without it MemOS recalls across conversations.</param>
    /// <returns>A chat client whose metadata names the provider <c>memos</c>.</returns>
    public static IChatClient AsChatClient(this IMemOSClient client, string userId, string? conversationId = null)
        => new MemOSChatClient(client, userId, conversationId);

    /// <summary>
    /// Wraps a chat client with MemOS memory (see <see cref="MemOSMemoryChatClient"/>). In a
    /// <see cref="ChatClientBuilder"/> pipeline, use
    /// <see cref="MemOSChatClientBuilderExtensions.UseMemOSMemory(ChatClientBuilder, IMemOSClient?,
    /// Action{MemOSMemoryOptions}?)"/>.
    /// </summary>
    /// <param name="innerClient">The chat client that answers.</param>
    /// <param name="memory">The MemOS client memories are searched and written with.</param>
    /// <param name="configure">Sets the template, scope resolver, limits and logger.</param>
    /// <returns>The wrapping client.</returns>
    public static MemOSMemoryChatClient UseMemOSMemory(
        this IChatClient innerClient,
        IMemOSClient memory,
        Action<MemOSMemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(innerClient);
        ArgumentNullException.ThrowIfNull(memory);
        var options = new MemOSMemoryOptions();
        configure?.Invoke(options);
        return new MemOSMemoryChatClient(innerClient, memory, options);
    }
}
