using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Chat;
using MemOS.Client.Telemetry;
using MemOS.Client.Transport;

namespace MemOS.Client.Streaming;

/// <summary>
/// Reads a chat answer as it arrives: one SSE event at a time, never the whole body. Disposing
/// the enumerator (a <c>break</c>) or cancelling closes the response at once.
/// </summary>
internal static class ChatStreamReader
{
    /// <summary>Reads the stream inside one span, which ends when the stream ends, fails or is abandoned.</summary>
    /// <remarks><paramref name="requestModel"/> is the model the chat asks for, for its span; never pass request text.</remarks>
    /// <param name="transport">Sends and maps failures.</param>
    /// <param name="route">The route sent to, one of <see cref="Api.Routes"/>.</param>
    /// <param name="send">Sends the request through a Refit interface, with the call's telemetry and timeout token.</param>
    /// <param name="jsonAnswerInfo">How to read a whole JSON answer given instead of a stream, where the route has one.</param>
    /// <param name="requireEndMarker">Whether a stream that closes without its end event is cut.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="requestModel">The model the chat asks for.</param>
    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync(
        MemOSTransport transport,
        string route,
        Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<ChatResult>? jsonAnswerInfo,
        bool requireEndMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        string? requestModel = null)
    {
        var operation = MemOSOperation.For(route);
        using var telemetry = OperationTelemetry.Start(operation, transport.BaseUri, requestModel);
        var events = ReadEventsAsync(transport, transport.NewCall(operation, telemetry), send, jsonAnswerInfo, requireEndMarker, cancellationToken);
        await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // A yield cannot sit inside a try with a catch, so only the reads are watched for failures.
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception exception)
            {
                telemetry.Failed(exception);
                throw;
            }

            telemetry.FirstEvent();
            yield return enumerator.Current;
        }
    }

    private static async IAsyncEnumerable<ChatStreamEvent> ReadEventsAsync(
        MemOSTransport transport,
        MemOSCall call,
        Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<ChatResult>? jsonAnswerInfo,
        bool requireEndMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        var (response, verdict) = await transport.OpenStreamAsync(call, send, cancellationToken).ConfigureAwait(false);
        using var owned = response;
        var traceId = verdict.TraceId;

        // A whole JSON answer instead of a stream: a service that ignored stream, or (self-hosted) not an answer at all.
        if (verdict.Kind != VerdictKind.Stream)
        {
            if (jsonAnswerInfo is null)
            {
                throw transport.Fail(call, MemOSErrorFactory.InvalidResponse(operation.Name, "it is a JSON body, not an event stream", verdict.Status, traceId), cancellationToken);
            }

            ChatResult? answer;
            try
            {
                answer = verdict.Kind == VerdictKind.Success ? transport.ReadData(operation, verdict, jsonAnswerInfo) : null;
            }
            catch (Exception exception)
            {
                throw transport.Fail(call, exception, cancellationToken);
            }

            if (!string.IsNullOrEmpty(answer?.Response))
            {
                yield return new ChatTextDelta(answer.Response);
            }

            yield return new ChatStreamEnd();
            yield break;
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var events = new ChatEventReader(body, transport, call, verdict.Status, traceId, requireEndMarker, cancellationToken);
        while (await events.ReadAsync().ConfigureAwait(false) is { } next)
        {
            yield return next;
        }
    }
}
