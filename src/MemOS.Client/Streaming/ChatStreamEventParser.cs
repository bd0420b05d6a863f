using System.Text;
using System.Text.Json;
using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// Turns the data of one server-sent event into a <see cref="ChatStreamEvent"/>. The cloud's
/// framing was never captured (SPEC §14 Q5, Q6), so every variant the sources show is accepted:
/// <c>{"type","data"}</c> objects, the same object encoded as a JSON string, errors carrying
/// <c>content</c> instead of <c>data</c>, <c>{"response": …}</c> payloads and the <c>[DONE]</c>
/// sentinel.
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
        catch (JsonException)
        {
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

        string? type = null, text = null, content = null, response = null;
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
                    break;
                case Field.Data:
                    text = ReadText(ref reader, json);
                    break;
                case Field.Content:
                    content = ReadText(ref reader, json);
                    break;
                case Field.Response:
                    response = ReadText(ref reader, json);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return type switch
        {
            "text" => new ChatTextDelta(text ?? content ?? string.Empty),
            "reasoning" => new ChatReasoningDelta(text ?? content ?? string.Empty),
            "end" => End,
            "error" => new ChatStreamError(content ?? text ?? "the service reported an error without details"),
            null when response is not null => new ChatTextDelta(response),
            _ => new ChatStreamUnknown(type ?? eventType, Encoding.UTF8.GetString(json)),
        };
    }

    private static string? ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
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
