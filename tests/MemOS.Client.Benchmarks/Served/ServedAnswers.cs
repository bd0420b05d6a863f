using System.Text;
using System.Text.Json;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// What the served benchmark's server answers, by route, and what a client must find in each answer.
/// The bodies are the existing benchmark fixtures; every client checks every answer against the
/// counts here, so a client that receives wrong or partial data fails the run.
/// </summary>
internal static class ServedAnswers
{
    /// <summary>The API root's path: the cloud's, so the SDK resolves its routes beneath it as it does there.</summary>
    public const string ApiPath = "/api/openmem/v1/";

    /// <summary>An API root whose chat route answers the tiny-event stream (<see cref="ServedStream.TinyEvents"/>).</summary>
    public const string TinyEventsPath = "/tiny-events/";

    /// <summary>An API root whose chat route answers the one-event stream, for time to first event.</summary>
    public const string FirstEventPath = "/first-event/";

    /// <summary>Text events in each long stream.</summary>
    public const int StreamTextEvents = 2_000;

    public static byte[] Search => Bodies.SearchResponse;

    public static byte[] Add => Bodies.AddResponse;

    /// <summary>Model tokens, one or two at a time, in English, Chinese, quotes and line breaks (<see cref="RecordedStream"/>).</summary>
    public static byte[] TokenStream { get; } = RecordedStream.Text(StreamTextEvents);

    /// <summary>The smallest text event there is, <c>data: {"type":"text","data":"x"}</c>, and the end event: the per-event cost with nothing else.</summary>
    public static byte[] TinyEventStream { get; } = Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Repeat("data: {\"type\":\"text\",\"data\":\"x\"}\n\n", StreamTextEvents)) + "data: {\"type\":\"end\"}\n\n");

    /// <summary>One text event and the end event.</summary>
    public static byte[] FirstEventStream => RecordedStream.Short;

    /// <summary>Memories in the search answer (<c>data.memory_detail_list</c>).</summary>
    public static int SearchMemories { get; } = DataOf(Search).GetProperty("memory_detail_list").GetArrayLength();

    /// <summary>The task id in the add answer.</summary>
    public static string AddTaskId { get; } = DataOf(Add).GetProperty("task_id").GetString()!;

    /// <summary>A stream's text, in characters, once its deltas are decoded.</summary>
    public static long TextChars(byte[] stream)
        => DataLines(stream)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(json => json.GetProperty("type").GetString() == "text")
            .Sum(json => (long)json.GetProperty("data").GetString()!.Length);

    /// <summary>A stream's event data as sent (undecoded JSON), in characters, with the end event's.</summary>
    public static long DataChars(byte[] stream) => DataLines(stream).Sum(line => (long)line.Length);

    /// <summary>Every file the server serves: its path under the server's root, its body and its content type.</summary>
    public static IReadOnlyList<(string Path, byte[] Body, string ContentType)> Files { get; } =
    [
        (ApiPath + "search/memory", Search, "application/json"),
        (ApiPath + "add/message", Add, "application/json"),
        (ApiPath + "chat", TokenStream, "text/event-stream"),
        (TinyEventsPath + "chat", TinyEventStream, "text/event-stream"),
        (FirstEventPath + "chat", FirstEventStream, "text/event-stream"),
    ];

    private static JsonElement DataOf(byte[] envelope) => JsonDocument.Parse(envelope).RootElement.GetProperty("data").Clone();

    private static IEnumerable<string> DataLines(byte[] stream)
        => Encoding.UTF8.GetString(stream)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.StartsWith("data: ", StringComparison.Ordinal)
                ? block["data: ".Length..]
                : throw new InvalidOperationException("The recorded stream has an event that is not one data line."));
}
