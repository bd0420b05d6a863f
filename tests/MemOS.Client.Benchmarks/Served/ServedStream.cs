namespace MemOS.Client.Benchmarks.Served;

/// <summary>A stream the clients read to its end, and what they must find in it.</summary>
/// <param name="Name">The table's name for it.</param>
/// <param name="Root">The API root whose chat route answers it (<see cref="ServedRoots"/>).</param>
/// <param name="Body">The bytes the server sends.</param>
/// <param name="TextEvents">Its text events (without the end event).</param>
internal sealed record ServedStream(string Name, Func<ServedRoots, Uri> Root, byte[] Body, int TextEvents)
{
    /// <summary>2,000 events of <c>{"type":"text","data":"x"}</c> and the end event: the stream budget's shape.</summary>
    public static ServedStream TinyEvents { get; } = new("tiny events", roots => roots.TinyEvents, ServedAnswers.TinyEventStream, ServedAnswers.StreamTextEvents);

    /// <summary>2,000 token events of one or two tokens and the end event.</summary>
    public static ServedStream TokenEvents { get; } = new("token events", roots => roots.Api, ServedAnswers.TokenStream, ServedAnswers.StreamTextEvents);

    /// <summary>One text event and the end event, for time to first event.</summary>
    public static ServedStream FirstEvent { get; } = new("first event", roots => roots.FirstEvent, ServedAnswers.FirstEventStream, 1);

    /// <summary>Its text in characters, once the deltas are decoded (what the typed clients count).</summary>
    public long TextChars { get; } = ServedAnswers.TextChars(Body);

    /// <summary>Its events' data as sent, the end event's included (what the raw floor counts).</summary>
    public long DataChars { get; } = ServedAnswers.DataChars(Body);
}
