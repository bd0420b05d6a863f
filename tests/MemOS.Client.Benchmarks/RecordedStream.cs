using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// A long chat answer in the cloud's framing (<c>data: {"type","data"}</c>, a blank line after each
/// event): reasoning deltas, then text deltas, then the end event. Token-sized deltas of English,
/// Chinese and escaped text, made from a fixed seed so every run parses the same bytes.
/// </summary>
internal static class RecordedStream
{
    public const int EventCount = 10_000;
    private const int ReasoningEvents = 2_000;

    private static readonly string[] Tokens =
    [
        " the", " hotel", " Guangzhou", " trip", " 7 Days Inn", ",", ".", " you", " booked", " summer",
        " 广州", "酒店", "推荐", "，", "。", " \"quoted\"", "\n", " 7°C", " memory", " preference",
    ];

    /// <summary>The whole stream, as the server sends it.</summary>
    public static byte[] Long { get; } = Build(EventCount, ReasoningEvents);

    /// <summary>One text event and the end event: what time to first event is measured on.</summary>
    public static byte[] Short { get; } = Build(2, 0);

    /// <summary><paramref name="textEvents"/> text deltas and the end event: the shape a model's tokens arrive in.</summary>
    public static byte[] Text(int textEvents) => Build(textEvents + 1, 0);

    private static byte[] Build(int events, int reasoningEvents)
    {
        var random = new Random(6);
        var output = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 0; i < events; i++)
        {
            output.Write("data: "u8);
            json.Reset();
            json.WriteStartObject();
            if (i == events - 1)
            {
                json.WriteString("type"u8, "end"u8);
            }
            else
            {
                json.WriteString("type"u8, i < reasoningEvents ? "reasoning"u8 : "text"u8);
                json.WriteString("data"u8, Tokens[random.Next(Tokens.Length)] + Tokens[random.Next(Tokens.Length)]);
            }

            json.WriteEndObject();
            json.Flush();
            output.Write("\n\n"u8);
        }

        return output.WrittenSpan.ToArray();
    }
}
