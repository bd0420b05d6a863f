using System.Text;
using System.Text.Json;
using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// Turns the data of one server-sent event into a <see cref="ChatStreamEvent"/>. The cloud's
/// framing was never captured (SPEC §14 Q5, Q6), so every variant the sources show is accepted:
/// <c>{"type","data"}</c> objects, the same object encoded as a JSON string, errors carrying
/// <c>content</c> instead of <c>data</c>, <c>{"response": …}</c> payloads and the <c>[DONE]</c>
/// sentinel. The self-hosted server's extra types (SPEC A.4) get their own records; a known
/// type whose data has another shape than documented is passed on as
/// <see cref="ChatStreamUnknown"/> rather than guessed at.
/// </summary>
internal static class ChatStreamEventParser
{
    private static readonly ChatStreamEnd End = new();

    public static ChatStreamEvent Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return End;
        }

        try
        {
            return ParseJson(eventType, trimmed, allowWrappedString: true);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON whose strings are not valid UTF-16 (GetString throws InvalidOperationException).
            return new ChatStreamUnknown(eventType, Encoding.UTF8.GetString(data));
        }
    }

    private static ChatStreamEvent ParseJson(string eventType, ReadOnlySpan<byte> json, bool allowWrappedString)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            return new ChatStreamUnknown(eventType, string.Empty);
        }

        if (reader.TokenType == JsonTokenType.String && allowWrappedString)
        {
            var inner = reader.GetString()!;
            return inner.Trim() == "[DONE]" ? End : ParseJson(eventType, Encoding.UTF8.GetBytes(inner), allowWrappedString: false);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new ChatStreamUnknown(eventType, Encoding.UTF8.GetString(json));
        }

        // Values are kept as slices of the payload because "type" may come after them; each is
        // decoded only once the type says what it should be.
        string? type = null;
        ReadOnlySpan<byte> data = default, content = default, response = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("type"u8) ? Field.Type
                : reader.ValueTextEquals("data"u8) ? Field.Data
                : reader.ValueTextEquals("content"u8) ? Field.Content
                : reader.ValueTextEquals("response"u8) ? Field.Response
                : Field.Other;
            reader.Read();
            switch (field)
            {
                case Field.Type:
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    break;
                case Field.Data:
                    data = ValueOf(ref reader, json);
                    break;
                case Field.Content:
                    content = ValueOf(ref reader, json);
                    break;
                case Field.Response:
                    response = ValueOf(ref reader, json);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        ChatStreamEvent? parsed = type switch
        {
            "text" => new ChatTextDelta(Text(data) ?? Text(content) ?? string.Empty),
            "reasoning" => new ChatReasoningDelta(Text(data) ?? Text(content) ?? string.Empty),
            "end" => End,
            "error" => new ChatStreamError(Text(content) ?? Text(data) ?? "the service reported an error without details"),
            "status" => Text(data) is { } status ? new ChatStreamStatus(status) : null,
            "pref_md_string" => Text(data) is { } markdown ? new ChatStreamPreferenceMarkdown(markdown) : null,
            "reference" => data.IsEmpty ? null : new ChatStreamReference(Element(data)),
            "internet_reference" => data.IsEmpty ? null : new ChatStreamInternetReference(Element(data)),
            "time" => Time(data),
            "suggestion" => Suggestions(data),
            null => Text(response) is { } answer ? new ChatTextDelta(answer) : null,
            _ => null,
        };
        return parsed ?? new ChatStreamUnknown(type ?? eventType, Encoding.UTF8.GetString(json));
    }

    /// <summary>The whole value the reader is on (a scalar, or an object or array with its contents), as a slice of the payload.</summary>
    private static ReadOnlySpan<byte> ValueOf(scoped ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static string? Text(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(value);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            JsonTokenType.StartObject or JsonTokenType.StartArray => Encoding.UTF8.GetString(value),
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        };
    }

    private static JsonElement Element(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        return JsonElement.ParseValue(ref reader);
    }

    private static ChatStreamTime? Time(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(value);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        double? totalTime = null;
        string? speedImprovement = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTotal = reader.ValueTextEquals("total_time"u8);
            var isSpeed = !isTotal && reader.ValueTextEquals("speed_improvement"u8);
            reader.Read();
            if (isTotal && reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var total))
            {
                totalTime = total;
            }
            else if (isSpeed && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                speedImprovement = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
            }

            reader.Skip();
        }

        return new ChatStreamTime(totalTime, speedImprovement);
    }

    private static ChatStreamSuggestions? Suggestions(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(value);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var suggestions = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            suggestions.Add(reader.GetString()!);
        }

        return new ChatStreamSuggestions(suggestions);
    }

    private enum Field
    {
        Other,
        Type,
        Data,
        Content,
        Response,
    }
}
