using System.Runtime.CompilerServices;
using MemOS.Client.Api;
using MemOS.Client.Chat;
using MemOS.Client.Errors;
using MemOS.Client.Telemetry;
using MemOS.Client.Transport;

namespace MemOS.Client.Streaming;

/// <summary>
/// Reads a chat answer as it arrives: one SSE event at a time, never the whole body. Disposing
/// the enumerator (a <c>break</c>) or cancelling closes the response at once.
/// </summary>
internal static class ChatStreamReader
{
    /// <summary>
    /// Checks the request here, so a bad one fails at the call site, then reads the stream inside one
    /// span, which ends when the stream ends, fails or is abandoned.
    /// </summary>
    /// <param name="transport">Sends and maps failures.</param>
    /// <param name="api">The Refit interface to send through.</param>
    /// <param name="stream">The method, its route's facts and how its answer is read.</param>
    /// <param name="request">What to send.</param>
    /// <param name="requireEndMarker">Whether a stream that closes without its end event is cut.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="requestModel">The model the chat asks for, for its span; never pass request text.</param>
    public static IAsyncEnumerable<ChatStreamEvent> Read<TApi, TRequest>(
        MemOSTransport transport,
        TApi api,
        ApiStream<TApi, TRequest> stream,
        TRequest request,
        bool requireEndMarker,
        CancellationToken cancellationToken,
        string? requestModel = null)
    {
        stream.Check(request);
        return ReadAsync(transport, api, stream, request, requireEndMarker, requestModel, cancellationToken);
    }

    private static async IAsyncEnumerable<ChatStreamEvent> ReadAsync<TApi, TRequest>(
        MemOSTransport transport,
        TApi api,
        ApiStream<TApi, TRequest> stream,
        TRequest request,
        bool requireEndMarker,
        string? requestModel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One iterator for the whole stream, the events read by a reader that returns buffered
        // events synchronously: each nested async layer cost as much per event as the framing.
        // A yield cannot sit inside a try with a catch, so the steps before the first one are taken
        // together, and each read after it on its own.
        var route = stream.Route;
        using var telemetry = OperationTelemetry.Start(
            route.Name, route.GenAIOperation, transport.BaseUri, requestModel, request, transport.CaptureContent);
        var call = transport.NewCall(route, telemetry, stream.JsonAnswer);
        ChatEventReader? events = null;
        string? jsonAnswer;
        try
        {
            (events, jsonAnswer) = await OpenAsync(
                transport,
                api,
                stream,
                request,
                call,
                requireEndMarker,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw Failed(transport, call, exception, cancellationToken);
        }

        // A whole JSON answer instead of a stream: a service that ignored stream.
        if (events is null)
        {
            telemetry.FirstEvent();
            if (!string.IsNullOrEmpty(jsonAnswer))
            {
                yield return new ChatTextDelta(jsonAnswer);
            }

            yield return new ChatStreamEnd();
            yield break;
        }

        using (events)
        {
            while (true)
            {
                ChatStreamEvent? next;
                try
                {
                    next = await events.ReadAsync().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    throw Failed(transport, call, exception, cancellationToken);
                }

                if (next is null)
                {
                    yield break;
                }

                telemetry.FirstEvent();
                yield return next;
            }
        }
    }

    /// <summary>
    /// Sends through the transport's one send core and opens the answer: the stream's event reader,
    /// which owns the response, or the text of a whole JSON answer given instead (the response then disposed).
    /// </summary>
    private static async Task<(ChatEventReader? Events, string? JsonAnswer)> OpenAsync<TApi, TRequest>(
        MemOSTransport transport,
        TApi api,
        ApiStream<TApi, TRequest> stream,
        TRequest request,
        MemOSCall call,
        bool requireEndMarker,
        CancellationToken cancellationToken)
    {
        var (response, verdict) = await transport.ExchangeAsync(api, stream.Send, request, call, cancellationToken)
            .ConfigureAwait(false);
        MemOSTransport.Captured(call, verdict);
        if (verdict.Kind == VerdictKind.Stream)
        {
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var events = new ChatEventReader(
                    body,
                    response,
                    transport,
                    call,
                    verdict.Status,
                    verdict.TraceId,
                    requireEndMarker,
                    cancellationToken);
                return (events, null);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        using (response)
        {
            // The self-hosted server's stream route has no JSON answer: such a body is not its answer.
            return stream.JsonAnswer is null
                ? throw MemOSErrorFactory.InvalidResponse(
                    call.Route.Name, "it is a JSON body, not an event stream", verdict.Status, verdict.TraceId)
                : (null, (verdict.Data as ChatResult)?.Response);
        }
    }

    // The one exception a failed stream ends in, recorded on its span.
    private static Exception Failed(
        MemOSTransport transport,
        MemOSCall call,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var failure = transport.Fail(call, exception, cancellationToken);
        call.Telemetry?.Failed(failure);
        return failure;
    }
}
