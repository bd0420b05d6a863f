using MemOS.Client.Server;

using Refit;

namespace MemOS.Client.Api;

/// <summary>
/// The self-hosted server's <c>/product/*</c> routes on the wire, each path declared next to the method that sends
/// to it. Like <see cref="IMemOSCloudApi"/>, each method returns the live response for the transport to judge; the
/// routes' facts are in their rows of <see cref="ServerCalls"/>.
/// </summary>
[Headers("Accept: application/json")]
internal interface IMemOSServerApi
{
    const string ChatStream = "/product/chat/stream";

    /// <summary>
    /// POST product/chat/stream: server-sent events with no end marker (the connection closing ends the answer). A
    /// write.
    /// </summary>
    [Post(ChatStream)]
    [Headers("Accept: text/event-stream")]
    Task<HttpResponseMessage> ChatStreamAsync(
        [Body] ServerChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string ChatComplete = "/product/chat/complete";

    /// <summary>POST product/chat/complete: <c>{message, data}</c>, with no code on success. A write.</summary>
    [Post(ChatComplete)]
    Task<HttpResponseMessage> ChatCompleteAsync(
        [Body] ServerChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string AddMemory = "/product/add";

    /// <summary>POST product/add (<c>APIADDRequest</c>). A write.</summary>
    [Post(AddMemory)]
    Task<HttpResponseMessage> AddMemoryAsync(
        [Body] ServerAddMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string SearchMemory = "/product/search";

    /// <summary>POST product/search (<c>APISearchRequest</c>).</summary>
    [Post(SearchMemory)]
    Task<HttpResponseMessage> SearchMemoryAsync(
        [Body] ServerSearchMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetMemory = "/product/get_memory";

    /// <summary>POST product/get_memory (<c>GetMemoryRequest</c>).</summary>
    [Post(GetMemory)]
    Task<HttpResponseMessage> GetMemoryAsync(
        [Body] ServerGetMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetMemoryById = "/product/get_memory/{id}";

    /// <summary>GET product/get_memory/{id}: one memory by id. The id is one opaque path segment.</summary>
    [Get(GetMemoryById)]
    Task<HttpResponseMessage> GetMemoryByIdAsync(
        string id,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteMemory = "/product/delete_memory";

    /// <summary>POST product/delete_memory (<c>DeleteMemoryRequest</c>).</summary>
    [Post(DeleteMemory)]
    Task<HttpResponseMessage> DeleteMemoryAsync(
        [Body] ServerDeleteMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string AddFeedback = "/product/feedback";

    /// <summary>POST product/feedback (<c>APIFeedbackRequest</c>). A write.</summary>
    [Post(AddFeedback)]
    Task<HttpResponseMessage> AddFeedbackAsync(
        [Body] ServerFeedbackRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);
}
