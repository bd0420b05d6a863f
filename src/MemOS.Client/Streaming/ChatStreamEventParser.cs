using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// Turns the data of one server-sent event into a <see cref="ChatStreamEvent"/>. The cloud's
/// framing and stream errors are not documented, so every variant the sources show is accepted:
/// <c>{"type","data"}</c> objects, the same object encoded as a JSON string, errors carrying
/// <c>content</c> instead of <c>data</c>, <c>{"response": …}</c> payloads and the <c>[DONE]</c>
/// sentinel. The self-hosted server's extra types (<c>status</c>, <c>reference</c>, <c>time</c>,
/// <c>suggestion</c>, …)
/// get their own records; a known
/// type whose data has another shape than documented is passed on as
/// <see cref="ChatStreamUnknown"/> rather than guessed at.
/// </summary>
internal static class ChatStreamEventParser
{
    private const string NotUtf8 = "its data is not valid UTF-8";

    /// <summary>The end event, shared: it carries nothing.</summary>
    internal static readonly ChatStreamEnd End = new();

    /// <summary>
    /// Reads one event's data; an error event and unreadable data come back as records the stream reader throws for.
    /// </summary>
    /// <param name="eventType">The SSE event type, <c>message</c> when the event names none.</param>
    /// <param name="data">The event's data, as UTF-8 bytes.</param>
    public static ChatStreamEvent Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        if (eventType == "error")
        {
            return ErrorEvent(trimmed);
        }

        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            return End;
        }

        if (FlatEventReader.TryRead(trimmed) is { } flat)
        {
            return flat;
        }

        try
        {
            return ParseJson(eventType, trimmed, allowWrappedString: true);
        }
        catch (JsonException)
        {
            return new ChatStreamInvalidEvent(Utf8.IsValid(trimmed) ? "its data is not valid JSON" : NotUtf8);
        }
        catch (InvalidOperationException)
        {
            // GetString throws it for bytes that are not UTF-8, and for a string escaping half of a
            // UTF-16 surrogate pair. The bytes are checked only here, on the way to an error: the
            // strings decoded and the text handed over as unknown are checked anyway.
            return new ChatStreamInvalidEvent(
                Utf8.IsValid(trimmed) ? "its data holds a JSON string that is not valid text" : NotUtf8);
        }
    }

    /// <summary>
    /// An SSE <c>error</c> event: its JSON error payload when it has one, else its whole data as the
    /// service's text (a plain-text message, or JSON of another shape).
    /// </summary>
    private static ChatStreamError ErrorEvent(ReadOnlySpan<byte> data)
    {
        try
        {
            if (ParseJson("error", data, allowWrappedString: false) is ChatStreamError error)
            {
                return error;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Plain text, read below.
        }

        return new ChatStreamError(
            data.IsEmpty ? "the service reported an error without details" : Encoding.UTF8.GetString(data));
    }

    private static ChatStreamEvent ParseJson(string eventType, ReadOnlySpan<byte> json, bool allowWrappedString)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && allowWrappedString)
        {
            EnsureSingleValue(reader);
            var inner = reader.GetString()!;
            if (inner.Trim() == "[DONE]")
            {
                return End;
            }

            try
            {
                return ParseJson(eventType, Encoding.UTF8.GetBytes(inner), allowWrappedString: false);
            }
            catch (JsonException)
            {
                // A JSON string that does not hold JSON: valid, but not a shape this SDK knows.
                return Unknown(eventType, json);
            }
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            EnsureSingleValue(reader);
            return Unknown(eventType, json);
        }

        // Values are kept as slices of the payload because "type" may come after them; each is
        // decoded only once the type says what it should be. The type is matched on its bytes, so
        // the known types cost no string.
        var type = EventKind.None;
        ReadOnlySpan<byte> typeName = default, data = default, content = default, response = default;
        string? dataText = null;
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
                    type = reader.TokenType == JsonTokenType.String ? Kind(ref reader) : EventKind.None;
                    typeName = ValueOf(ref reader, json);
                    break;
                case Field.Data:
                    // A string is decoded at once: nearly every event is a text delta, whose data is read anyway.
                    dataText = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
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

        // On the object's end: reading on throws for stray bytes after it (the payload is the final block).
        if (reader.Read())
        {
            throw new JsonException("More than one JSON value.");
        }

        ChatStreamEvent? parsed = type switch
        {
            EventKind.Text => new ChatTextDelta(dataText ?? Text(data) ?? Text(content) ?? string.Empty),
            EventKind.Reasoning => new ChatReasoningDelta(dataText ?? Text(data) ?? Text(content) ?? string.Empty),
            EventKind.End => End,
            EventKind.Error => new ChatStreamError(
                Text(content) ?? dataText ?? Text(data) ?? "the service reported an error without details"),
            EventKind.Status => (dataText ?? Text(data)) is { } status ? new ChatStreamStatus(status) : null,
            EventKind.PreferenceMarkdown => (dataText ?? Text(data)) is { } markdown
                ? new ChatStreamPreferenceMarkdown(markdown)
                : null,
            EventKind.Reference => data.IsEmpty ? null : new ChatStreamReference(Element(data)),
            EventKind.InternetReference => data.IsEmpty ? null : new ChatStreamInternetReference(Element(data)),
            EventKind.Time => Time(data),
            EventKind.Suggestion => Suggestions(data),
            EventKind.None => Text(response) is { } answer ? new ChatTextDelta(answer) : null,
            _ => null,
        };
        return parsed ?? Unknown(type == EventKind.None ? eventType : Text(typeName)!, json);
    }

    private static ChatStreamEvent Unknown(string type, ReadOnlySpan<byte> json)
        => Utf8.IsValid(json)
            ? new ChatStreamUnknown(type, Encoding.UTF8.GetString(json))
            : new ChatStreamInvalidEvent(NotUtf8);

    /// <summary>
    /// Checks that the value the reader is on is the whole payload: complete, with nothing but
    /// white space after it. The payload is the reader's final block, so reading on throws for a
    /// value cut short or for stray bytes after it.
    /// </summary>
    private static void EnsureSingleValue(Utf8JsonReader reader)
    {
        reader.Skip();
        if (reader.Read())
        {
            throw new JsonException("More than one JSON value.");
        }
    }

    /// <summary>The known type the reader's string token names; text first, as nearly every event is text.</summary>
    private static EventKind Kind(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("text"u8) ? EventKind.Text
            : reader.ValueTextEquals("reasoning"u8) ? EventKind.Reasoning
            : reader.ValueTextEquals("end"u8) ? EventKind.End
            : reader.ValueTextEquals("error"u8) ? EventKind.Error
            : reader.ValueTextEquals("status"u8) ? EventKind.Status
            : reader.ValueTextEquals("pref_md_string"u8) ? EventKind.PreferenceMarkdown
            : reader.ValueTextEquals("reference"u8) ? EventKind.Reference
            : reader.ValueTextEquals("internet_reference"u8) ? EventKind.InternetReference
            : reader.ValueTextEquals("time"u8) ? EventKind.Time
            : reader.ValueTextEquals("suggestion"u8) ? EventKind.Suggestion
            : EventKind.Other;

    /// <summary>
    /// The whole value the reader is on (a scalar, or an object or array with its contents), as a slice of the payload.
    /// </summary>
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
                speedImprovement = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : Encoding.UTF8.GetString(reader.ValueSpan);
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

    private enum EventKind
    {
        None,
        Other,
        Text,
        Reasoning,
        End,
        Error,
        Status,
        PreferenceMarkdown,
        Reference,
        InternetReference,
        Time,
        Suggestion,
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
