using System.Net.ServerSentEvents;
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
    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync<TRequest>(
        MemOSTransport transport,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<MemOSEnvelope<ChatResult>>? jsonAnswerInfo,
        bool requireEndMarker,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        string? requestModel = null)
    {
        using var telemetry = OperationTelemetry.Start(MemOSTransport.OperationName(path), transport.BaseUri, requestModel);
        var events = ReadEventsAsync(transport, path, body, requestInfo, jsonAnswerInfo, requireEndMarker, telemetry, cancellationToken);
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

    private static async IAsyncEnumerable<ChatStreamEvent> ReadEventsAsync<TRequest>(
        MemOSTransport transport,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<MemOSEnvelope<ChatResult>>? jsonAnswerInfo,
        bool requireEndMarker,
        OperationTelemetry telemetry,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await transport.OpenStreamAsync(path, body, requestInfo, telemetry, cancellationToken).ConfigureAwait(false);

        // Request-level errors (bad parameters, auth, quota) come back as a plain envelope.
        if (MemOSTransport.IsJson(response))
        {
            // Without a type to read it as (the self-hosted stream documents no JSON answer with
            // status 200), such a body cannot be an answer.
            if (jsonAnswerInfo is null)
            {
                throw MemOSTransport.ForOperation(MemOSErrorFactory.InvalidResponse(path, "it is a JSON body, not an event stream", response.StatusCode, MemOSTransport.GetTraceId(response)), path);
            }

            var answer = await transport.ReadJsonAnswerAsync(path, response, jsonAnswerInfo, telemetry, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(answer?.Response))
            {
                yield return new ChatTextDelta(answer.Response);
            }

            yield return new ChatStreamEnd();
            yield break;
        }

        var traceId = MemOSTransport.GetTraceId(response);
        if (MemOSTransport.IsHtml(response))
        {
            throw MemOSTransport.ForOperation(MemOSErrorFactory.InvalidResponse(path, "it is an HTML page, not an event stream", response.StatusCode, traceId), path);
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var events = SseParser.Create(new FinalEventTerminator(stream), ChatStreamEventParser.Parse).EnumerateAsync(idle.Token);
        await using var enumerator = events.GetAsyncEnumerator(idle.Token);
        while (true)
        {
            idle.CancelAfter(transport.StreamIdleTimeout);
            ChatStreamEvent next;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                next = enumerator.Current.Data;
            }
            catch (Exception exception) when (MemOSTransport.IsTransportFailure(exception))
            {
                throw MemOSTransport.ForOperation(ReadFailure(path, exception, idle, transport.StreamIdleTimeout, response.StatusCode, traceId, cancellationToken), path);
            }

            if (next is ChatStreamError error)
            {
                throw MemOSTransport.ForOperation(MemOSErrorFactory.StreamError(path, error.Message, response.StatusCode, traceId, transport.Redactor), path);
            }

            yield return next;
            if (next is ChatStreamEnd)
            {
                yield break;
            }
        }

        if (requireEndMarker)
        {
            throw MemOSTransport.ForOperation(MemOSErrorFactory.StreamCut(path, response.StatusCode, traceId, inner: null), path);
        }

        yield return new ChatStreamEnd();
    }

    private static Exception ReadFailure(string path, Exception exception, CancellationTokenSource idle, TimeSpan idleTimeout, System.Net.HttpStatusCode status, string? traceId, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return exception as OperationCanceledException ?? new OperationCanceledException(cancellationToken);
        }

        return idle.IsCancellationRequested
            ? MemOSErrorFactory.StreamIdle(path, idleTimeout, status, traceId, exception)
            : MemOSErrorFactory.StreamCut(path, status, traceId, exception);
    }
}
