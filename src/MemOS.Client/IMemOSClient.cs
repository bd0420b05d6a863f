using MemOS.Client.Chat;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client;

/// <summary>
/// The MemOS cloud API: write conversations into memory, recall memories, and chat with memory.
/// Method names follow the official Python client (<c>add_message</c> →
/// <see cref="AddMessageAsync"/>). Every method throws <see cref="ArgumentException"/> for a
/// request the service would reject, before sending anything, and a
/// <see cref="MemOSException"/> for a failed call.
/// </summary>
public interface IMemOSClient
{
    /// <summary>Writes messages into MemOS, which turns them into memories (<c>POST /add/message</c>).</summary>
    /// <param name="request">The messages and their scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the write was accepted, and the task id to follow its processing.</returns>
    Task<AddMessageResult> AddMessageAsync(AddMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Recalls the memories relevant to a query (<c>POST /search/memory</c>).</summary>
    /// <param name="request">The query and its scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Memories by category, most relevant first.</returns>
    Task<SearchMemoryResult> SearchMemoryAsync(SearchMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Answers a query with a MemOS-hosted model that recalls the user's memories first (<c>POST /chat</c>).</summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The complete answer.</returns>
    Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the answer of <see cref="ChatAsync"/> as it is generated. Nothing is sent until
    /// the first <c>MoveNextAsync</c>; breaking out of the loop or cancelling closes the
    /// connection. The last event of a complete answer is <see cref="ChatStreamEnd"/>; an error
    /// event or a stream cut short throws <see cref="MemOSStreamException"/>.
    /// </summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>Text and reasoning deltas, then the end event.</returns>
    IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(ChatRequest request, CancellationToken cancellationToken = default);
}
