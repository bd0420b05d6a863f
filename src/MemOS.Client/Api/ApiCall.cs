using System.Text.Json.Serialization.Metadata;

namespace MemOS.Client.Api;

/// <summary>
/// One route as the client sends it: its facts, how its answer's data is read, the method of the Refit interface
/// that sends it, how the data becomes the result, and how its request is checked. What the one generic call path
/// (the transport's SendAsync) needs to send any call. Built once, as static rows of <see cref="CloudCalls"/> and
/// <see cref="ServerCalls"/>; its delegates capture nothing.
/// </summary>
/// <param name="route">The route's facts.</param>
/// <param name="data">How to read the answer's data.</param>
/// <param name="send">Sends the request through the Refit interface.</param>
/// <param name="finish">The result from the data (one of <see cref="Finish"/> for most routes).</param>
/// <param name="check">Throws for a request that must not be sent; null for a request that checks itself.</param>
/// <typeparam name="TApi">The Refit interface.</typeparam>
/// <typeparam name="TRequest">What the caller gives.</typeparam>
/// <typeparam name="TData">The answer's <c>data</c>, as read with the envelope.</typeparam>
/// <typeparam name="TResult">What the caller gets back.</typeparam>
internal sealed class ApiCall<TApi, TRequest, TData, TResult>(
    RouteFacts route,
    JsonTypeInfo<TData> data,
    ApiSender<TApi, TRequest> send,
    Func<TData?, TRequest, TResult?> finish,
    Action<TRequest>? check = null)
{
    private readonly Action<TRequest> _check = RequestCheck.Or(check);

    public RouteFacts Route => route;

    /// <summary>How to read the answer's data.</summary>
    public JsonTypeInfo<TData> Data => data;

    public ApiSender<TApi, TRequest> Send => send;

    /// <summary>Throws for a request that must not be sent; before anything is sent.</summary>
    public void Check(TRequest request) => _check(request);

    /// <summary>
    /// The result from the answer's data; null when the data does not hold one (the answer is then unreadable).
    /// </summary>
    /// <remarks>Runs inside the call, so a failure here is the call's failure, with what it means for a
    /// write.</remarks>
    public TResult? Finish(TData? value, TRequest request) => finish(value, request);
}
