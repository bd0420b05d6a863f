using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Answers;
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
    public static IAsyncEnumerable<ChatStreamEvent> Read<TApi, TRequest>(MemOSTransport transport, TApi api, ApiStream<TApi, TRequest> stream, TRequest request, bool requireEndMarker, CancellationToken cancellationToken, string? requestModel = null)
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
        // A yield cannot sit inside a try with a catch, so every step before it is watched on its own.
        var route = stream.Route;
        var jsonAnswerInfo = stream.JsonAnswer;
        using var telemetry = OperationTelemetry.Start(route.Name, route.GenAIOperation, transport.BaseUri, requestModel, request, transport.CaptureContent);
        var call = transport.NewCall(route, telemetry, jsonAnswerInfo);
        HttpResponseMessage response;
        ResponseVerdict verdict;
        try
        {
            (response, verdict) = await transport.OpenStreamAsync(api, stream, request, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception);
            throw;
        }

        using var owned = response;

        // A whole JSON answer instead of a stream: a service that ignored stream, or (self-hosted) not an answer at all.
        if (verdict.Kind != VerdictKind.Stream)
        {
            string? text;
            try
            {
                text = ReadJsonAnswer(transport, call, verdict, jsonAnswerInfo, cancellationToken);
            }
            catch (Exception exception)
            {
                telemetry.Failed(exception);
                throw;
            }

            telemetry.FirstEvent();
            if (!string.IsNullOrEmpty(text))
            {
                yield return new ChatTextDelta(text);
            }

            yield return new ChatStreamEnd();
            yield break;
        }

        ChatEventReader events;
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            events = new ChatEventReader(body, transport, call, verdict.Status, verdict.TraceId, requireEndMarker, cancellationToken);
        }
        catch (Exception exception)
        {
            telemetry.Failed(exception);
            throw;
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
                    telemetry.Failed(exception);
                    throw;
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

    /// <summary>The answer text of a whole JSON answer given instead of a stream, or the exception it ends in.</summary>
    private static string? ReadJsonAnswer(MemOSTransport transport, MemOSCall call, ResponseVerdict verdict, JsonTypeInfo<ChatResult>? jsonAnswerInfo, CancellationToken cancellationToken)
    {
        var route = call.Route;
        if (jsonAnswerInfo is null)
        {
            throw transport.Fail(call, MemOSErrorFactory.InvalidResponse(route.Name, "it is a JSON body, not an event stream", verdict.Status, verdict.TraceId), cancellationToken);
        }

        try
        {
            return verdict.Kind == VerdictKind.Success ? EnvelopeReader.ReadData(verdict, route, jsonAnswerInfo, transport.Redactor)?.Response : null;
        }
        catch (Exception exception)
        {
            throw transport.Fail(call, exception, cancellationToken);
        }
    }
}
