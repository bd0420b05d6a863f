using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Chat;

namespace MemOS.Client.Api;

/// <summary>A method of a Refit interface that asks for an event stream, paired with its route's facts.</summary>
/// <param name="Route">The route's facts.</param>
/// <param name="Check">Throws for a request that must not be sent.</param>
/// <param name="Send">Sends the request through the Refit interface.</param>
/// <param name="JsonAnswer">How to read a whole JSON answer given instead of a stream, where the route has one; null
/// when such a body is not an answer.</param>
internal sealed record ApiStream<TApi, TRequest>(
    RouteFacts Route,
    Action<TRequest> Check,
    ApiSender<TApi, TRequest> Send,
    JsonTypeInfo<ChatResult>? JsonAnswer);
