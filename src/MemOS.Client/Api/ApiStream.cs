using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Chat;

namespace MemOS.Client.Api;

/// <summary>A method of a Refit interface that asks for an event stream, paired with its route's facts.</summary>
/// <param name="route">The route's facts.</param>
/// <param name="send">Sends the request through the Refit interface.</param>
/// <param name="jsonAnswer">How to read a whole JSON answer given instead of a stream, where the route has one; null
/// when such a body is not an answer.</param>
/// <param name="check">Throws for a request that must not be sent; null for a request that checks itself.</param>
internal sealed class ApiStream<TApi, TRequest>(
    RouteFacts route,
    ApiSender<TApi, TRequest> send,
    JsonTypeInfo<ChatResult>? jsonAnswer,
    Action<TRequest>? check = null)
{
    private readonly Action<TRequest> _check = RequestCheck.Or(check);

    public RouteFacts Route => route;

    public ApiSender<TApi, TRequest> Send => send;

    /// <summary>How to read a whole JSON answer given instead of a stream; null when such a body is not one.</summary>
    public JsonTypeInfo<ChatResult>? JsonAnswer => jsonAnswer;

    /// <summary>Throws for a request that must not be sent; before anything is sent.</summary>
    public void Check(TRequest request) => _check(request);
}
