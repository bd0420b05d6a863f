using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MemOS.Client;
using MemOS.Client.Chat;

/// <summary>
/// The events one question sends to the page: <c>memories</c> (what MemOS recalled), then
/// <c>text</c> deltas as the answer is generated, then <c>done</c>, or <c>error</c> with a
/// readable message when MemOS fails mid-answer (the HTTP status is already sent by then).
/// Every event's data is JSON, so text with line breaks stays one data line.
/// </summary>
internal static class AnswerStream
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async IAsyncEnumerable<SseItem<string>> Events(
        IReadOnlyList<RecalledMemory> recalled, IAsyncEnumerable<ChatStreamEvent> answer, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Event("memories", recalled);
        await using var updates = answer.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            string? failure = null;
            var more = false;
            try
            {
                more = await updates.MoveNextAsync();
            }
            catch (MemOSException exception)
            {
                Log.MemOSFailed(logger, exception.Message);
                failure = exception.Message;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The page stopped the answer or asked something new; the MemOS stream is closed.
                Log.AnswerStopped(logger);
                yield break;
            }

            if (failure is not null)
            {
                yield return Event("error", failure);
                yield break;
            }

            if (!more)
            {
                break;
            }

            if (updates.Current is ChatTextDelta delta)
            {
                yield return Event("text", delta.Text);
            }
        }

        yield return Event("done", true);
    }

    private static SseItem<string> Event<T>(string type, T data) => new(JsonSerializer.Serialize(data, Json), type);
}
