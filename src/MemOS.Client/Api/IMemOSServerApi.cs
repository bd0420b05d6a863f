using MemOS.Client.Server;

using Refit;

namespace MemOS.Client.Api;

/// <summary>
/// The self-hosted server's <c>/product/*</c> routes on the wire. Like
/// <see cref="IMemOSCloudApi"/>, each method returns the live response for the transport to judge.
/// </summary>
[Headers("Accept: application/json")]
internal interface IMemOSServerApi
{
    /// <summary>
    /// POST product/chat/stream: server-sent events with no end marker (the connection closing ends the answer). A
    /// write.
    /// </summary>
    [Post(Routes.ServerChatStream)]
    [Headers("Accept: text/event-stream")]
    Task<HttpResponseMessage> ChatStreamAsync(
        [Body] ServerChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/chat/complete: <c>{message, data}</c>, with no code on success. A write.</summary>
    [Post(Routes.ServerChatComplete)]
    Task<HttpResponseMessage> ChatCompleteAsync(
        [Body] ServerChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/add (<c>APIADDRequest</c>). A write.</summary>
    [Post(Routes.ServerAdd)]
    Task<HttpResponseMessage> AddMemoryAsync(
        [Body] ServerAddMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/search (<c>APISearchRequest</c>).</summary>
    [Post(Routes.ServerSearch)]
    Task<HttpResponseMessage> SearchMemoryAsync(
        [Body] ServerSearchMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/get_memory (<c>GetMemoryRequest</c>).</summary>
    [Post(Routes.ServerGetMemory)]
    Task<HttpResponseMessage> GetMemoryAsync(
        [Body] ServerGetMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>GET product/get_memory/{id}: one memory by id. The id is one opaque path segment.</summary>
    [Get(Routes.ServerGetMemoryById)]
    Task<HttpResponseMessage> GetMemoryByIdAsync(
        string id,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/delete_memory (<c>DeleteMemoryRequest</c>).</summary>
    [Post(Routes.ServerDeleteMemory)]
    Task<HttpResponseMessage> DeleteMemoryAsync(
        [Body] ServerDeleteMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>POST product/feedback (<c>APIFeedbackRequest</c>). A write.</summary>
    [Post(Routes.ServerFeedback)]
    Task<HttpResponseMessage> AddFeedbackAsync(
        [Body] ServerFeedbackRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);
}
