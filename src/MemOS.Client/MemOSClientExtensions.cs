using MemOS.Client.Chat;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client;

/// <summary>Shortcuts for the common calls, mirroring the MemOS quick start.</summary>
public static class MemOSClientExtensions
{
    /// <summary>Writes a conversation's messages for one user.</summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user the memories belong to.</param>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="messages">The messages, oldest first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<AddMessageResult> AddMessageAsync(
        this IMemOSClient client,
        string userId,
        string conversationId,
        IEnumerable<MemOSMessage> messages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(messages);
        Required(userId, nameof(userId), "the user the memories belong to");
        Required(conversationId, nameof(conversationId), "the conversation the messages belong to");
        return client.AddMessageAsync(new AddMessageRequest
        {
            UserId = userId,
            ConversationId = conversationId,
            Messages = messages.ToArray(),
        }, cancellationToken);
    }

    /// <summary>Recalls one user's memories for a query.</summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user whose memories to search.</param>
    /// <param name="query">What to recall memories for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<SearchMemoryResult> SearchMemoryAsync(
        this IMemOSClient client,
        string userId,
        string query,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Required(userId, nameof(userId), "the user whose memories to search");
        return client.SearchMemoryAsync(new SearchMemoryRequest { UserId = userId, Query = query }, cancellationToken);
    }

    /// <summary>Answers a query with memory.</summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user.</param>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="query">The user's input.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static Task<ChatResult> ChatAsync(
        this IMemOSClient client,
        string userId,
        string conversationId,
        string query,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Required(userId, nameof(userId), "the user the chat remembers for");
        Required(conversationId, nameof(conversationId), "the conversation");
        return client.ChatAsync(new ChatRequest
        {
            UserId = userId,
            ConversationId = conversationId,
            Query = query,
        }, cancellationToken);
    }

    /// <summary>Streams an answer with memory.</summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user.</param>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="query">The user's input.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    public static IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(
        this IMemOSClient client,
        string userId,
        string conversationId,
        string query,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        Required(userId, nameof(userId), "the user the chat remembers for");
        Required(conversationId, nameof(conversationId), "the conversation");
        return client.ChatStreamAsync(new ChatRequest
        {
            UserId = userId,
            ConversationId = conversationId,
            Query = query,
        }, cancellationToken);
    }

    // These shortcuts take the ids as required parameters: an empty one is named as the caller wrote it,
    // not by its JSON name, and cannot be "left null" as the request objects allow.
    private static void Required(string? value, string parameter, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"{parameter} is required and must not be empty or whitespace: pass {what}.",
                parameter);
        }
    }
}
