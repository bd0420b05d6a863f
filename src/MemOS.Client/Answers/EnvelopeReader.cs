using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MemOS.Client.Answers;

/// <summary>
/// Reads the top level of a JSON answer once, from its bytes: the fields that decide what the
/// answer is, and its <c>data</c>, read as the caller's type in the same pass when one is given
/// (the body is then tokenized once).
/// A key given twice counts once, the last time, as JSON parsers keep it.
/// </summary>
internal static class EnvelopeReader
{
    // Service text kept for messages; a self-hosted traceback can be long.
    private const int MaxTextChars = 4000;

    /// <summary>
    /// Reads <paramref name="json"/>; false when it is not one complete JSON object (malformed or truncated).
    /// </summary>
    /// <param name="json">The whole body.</param>
    /// <param name="dataInfo">The type of the <c>data</c> value to read, or null to only locate it.</param>
    /// <param name="fields">What was read.</param>
    /// <param name="error">Why the body is not JSON, when the parser said so.</param>
    public static bool TryRead(
        ReadOnlySpan<byte> json,
        JsonTypeInfo? dataInfo,
        out EnvelopeFields fields,
        out JsonException? error)
    {
        fields = default;
        error = null;
        int? code = null;
        string? message = null;
        string? detail = null;
        double? retryAfter = null;
        object? dataValue = null;
        JsonException? dataError = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader);
                reader.Read();
                switch (field)
                {
                    case Field.Code:
                        code = ReadInteger(ref reader) ?? code;
                        break;
                    case Field.Message:
                        message = reader.TokenType == JsonTokenType.String ? Shorten(reader.GetString()) : message;
                        break;
                    case Field.Detail:
                        detail = ReadText(json, ref reader);
                        break;
                    case Field.RetryAfter:
                        retryAfter = ReadNumber(ref reader) ?? retryAfter;
                        break;
                    case Field.Data:
                        (dataValue, dataError) = dataInfo is null ? (null, null) : ReadData(ref reader, dataInfo);
                        if (dataInfo is null || dataError is not null)
                        {
                            reader.Skip();
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // The object must close, and nothing but white space may follow it: a truncated body fails here.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException exception)
        {
            // The reader's own exception type is internal to System.Text.Json; callers see the public one.
            error = new JsonException(
                exception.Message,
                exception.Path,
                exception.LineNumber,
                exception.BytePositionInLine,
                exception);
            return false;
        }
        catch (InvalidOperationException exception)
        {
            error = Unreadable(exception);
            return false;
        }

        fields = new(code, message ?? detail, retryAfter, dataValue, dataError);
        return true;
    }

    /// <summary>A whole body read as the data itself (a bare answer), or why it cannot be.</summary>
    public static (object? Value, JsonException? Error) ReadValue(ReadOnlySpan<byte> json, JsonTypeInfo dataInfo)
    {
        try
        {
            return (JsonSerializer.Deserialize(json, dataInfo), null);
        }
        catch (JsonException exception)
        {
            return (null, exception);
        }
        catch (InvalidOperationException exception)
        {
            return (null, Unreadable(exception));
        }
    }

    /// <summary>
    /// Whether data read under a success code itself reports a failure (<c>success: false</c>, or a failed status).
    /// </summary>
    public static bool ReportsFailure(IOperationOutcome outcome)
        => outcome.Success == false
           || outcome.OutcomeStatus is { } status
           && (status.Equals("error", StringComparison.OrdinalIgnoreCase)
               || status.Equals("failed", StringComparison.OrdinalIgnoreCase)
               || status.Equals("fail", StringComparison.OrdinalIgnoreCase));

    // On failure the reader is back where it was, at the start of the value, so the caller can skip it:
    // a body whose data does not fit the type is still a readable envelope (it may be an error's).
    private static (object? Value, JsonException? Error) ReadData(ref Utf8JsonReader reader, JsonTypeInfo dataInfo)
    {
        try
        {
            return (JsonSerializer.Deserialize(ref reader, dataInfo), null);
        }
        catch (JsonException exception)
        {
            return (null, exception);
        }
        catch (InvalidOperationException exception)
        {
            return (null, Unreadable(exception));
        }
    }

    // System.Text.Json reports a string it cannot decode (bytes that are not UTF-8, half of a surrogate
    // pair escaped) as an InvalidOperationException: for an answer, that is JSON it cannot read, like any other.
    private static JsonException Unreadable(InvalidOperationException exception) => new(exception.Message, exception);

    private enum Field
    {
        Other,
        Code,
        Message,
        Detail,
        RetryAfter,
        Data,
    }

    private static Field FieldOf(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("code"u8) ? Field.Code
           : reader.ValueTextEquals("data"u8) ? Field.Data
           : reader.ValueTextEquals("message"u8) ? Field.Message
           : reader.ValueTextEquals("detail"u8) ? Field.Detail
           : reader.ValueTextEquals("retry_after"u8) ? Field.RetryAfter
           : Field.Other;

    private static int? ReadInteger(ref Utf8JsonReader reader)
        => ReadNumber(ref reader) is { } number && number == Math.Floor(number)
            && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    // Numbers are accepted as JSON numbers and as numeric strings ("40309"): services send both.
    private static double? ReadNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var number) => number,
        JsonTokenType.String when double.TryParse(
            reader.GetString(),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var number) => number,
        _ => null,
    };

    // A detail is text, or a list of validation errors (the self-hosted server's 422) kept as its JSON.
    private static string? ReadText(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Shorten(reader.GetString());
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject
            ? Shorten(Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]))
            : null;
    }

    private static string? Shorten(string? text)
        => text is { Length: > MaxTextChars } ? text[..MaxTextChars] + "…" : text;
}
