using MemOS.Client.Chat;

namespace MemOS.Client.Server;

/// <summary>
/// The open-source, self-hosted MemOS server's <c>/product/*</c> API: chat
/// with memory, and writing, searching, listing, deleting and correcting memories in cubes.
/// Every method throws <see cref="ArgumentException"/> for a request that is certainly invalid,
/// before sending anything, and a <see cref="MemOSException"/> for a failed call.
/// </summary>
public interface IMemOSServerClient
{
    /// <summary>
    /// Streams an answer as it is generated (<c>POST /product/chat/stream</c>). Nothing is sent
    /// until the first <c>MoveNextAsync</c>; breaking out of the loop or cancelling closes the
    /// connection. The server sends no end marker, so the stream completes when the server
    /// closes it, and the SDK then yields <see cref="ChatStreamEnd"/> as the last event. An
    /// error event (such as an unknown model) or a broken connection throws
    /// <see cref="MemOSStreamException"/>.
    /// </summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>Text and reasoning deltas (plus status, reference and other server events), then the end
    /// event.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="MemOSStreamException">The stream ended with an error event, was cut short, or could not be
    /// read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(
        ServerChatRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Answers a query in one response (<c>POST /product/chat/complete</c>).</summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer and the model's reasoning, if any.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerChatCompleteResult> ChatCompleteAsync(
        ServerChatRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Writes messages, which the server turns into memories (<c>POST /product/add</c>).</summary>
    /// <param name="request">The messages and where to write them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> AddMemoryAsync(ServerAddMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Recalls the memories relevant to a query (<c>POST /product/search</c>).</summary>
    /// <param name="request">The query and the cubes to search.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> SearchMemoryAsync(
        ServerSearchMemoryRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the memories of a cube (<c>POST /product/get_memory</c>).</summary>
    /// <param name="request">The cube and the page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> GetMemoryAsync(ServerGetMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one memory (<c>GET /product/get_memory/{memory_id}</c>).</summary>
    /// <param name="memoryId">The memory's id; it is percent-encoded into the path.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default);

    /// <summary>Deletes memories (<c>POST /product/delete_memory</c>).</summary>
    /// <param name="request">What to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> DeleteMemoryAsync(
        ServerDeleteMemoryRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Sends a natural-language correction of the user's memories (<c>POST /product/feedback</c>).</summary>
    /// <param name="request">The feedback and the conversation it is about.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server's <c>data</c>, as received.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ServerResult> AddFeedbackAsync(ServerFeedbackRequest request, CancellationToken cancellationToken = default);
}
