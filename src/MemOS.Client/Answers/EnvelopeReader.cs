using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Api;
using MemOS.Client.Errors;

namespace MemOS.Client.Answers;

/// <summary>
/// Reads the top level of a JSON answer once, from its bytes: the fields that decide what the
/// answer is, and its <c>data</c>: read as the caller's type in the same pass when one is given
/// (the body is then tokenized once), and located in any case, for a caller reading it later.
/// A key given twice counts once, the last time, as JSON parsers keep it. Then, for a successful
/// answer, reads its data as the route's answer shape allows (<see cref="ReadData"/>).
/// </summary>
internal static class EnvelopeReader
{
    // Service text kept for messages; a self-hosted traceback can be long.
    private const int MaxTextChars = 4000;

    /// <summary>Reads <paramref name="json"/>; false when it is not one complete JSON object (malformed or truncated).</summary>
    /// <param name="json">The whole body.</param>
    /// <param name="dataInfo">The type of the <c>data</c> value to read, or null to only locate it.</param>
    /// <param name="fields">What was read.</param>
    /// <param name="error">Why the body is not JSON, when the parser said so.</param>
    public static bool TryRead(ReadOnlySpan<byte> json, JsonTypeInfo? dataInfo, out EnvelopeFields fields, out JsonException? error)
    {
        fields = default;
        error = null;
        int? code = null;
        string? message = null;
        string? detail = null;
        double? retryAfter = null;
        var data = default(Range);
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
                        var start = (int)reader.TokenStartIndex;
                        (dataValue, dataError) = dataInfo is null ? (null, null) : ReadData(ref reader, dataInfo);
                        if (dataInfo is null || dataError is not null)
                        {
                            reader.Skip();
                        }

                        data = start..(int)reader.BytesConsumed;
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
            error = new JsonException(exception.Message, exception.Path, exception.LineNumber, exception.BytePositionInLine, exception);
            return false;
        }
        catch (InvalidOperationException exception)
        {
            error = Unreadable(exception);
            return false;
        }

        fields = new(code, message ?? detail, retryAfter, data, dataValue, dataError);
        return true;
    }

    /// <summary>
    /// The data of a success verdict: the envelope's <c>data</c>, or a bare body where the route's
    /// shape allows one; throws the unreadable answer's exception, and for data that itself reports
    /// failure under a success code, that failure's.
    /// </summary>
    public static TData? ReadData<TData>(ResponseVerdict verdict, RouteFacts route, JsonTypeInfo<TData> dataInfo, SecretRedactor redactor)
    {
        try
        {
            if (verdict.Code is null)
            {
                switch (route.Answer)
                {
                    case AnswerShape.EnvelopeOrBare:
                        return JsonSerializer.Deserialize(verdict.Body.Span, dataInfo);
                    case AnswerShape.Envelope:
                        throw MemOSErrorFactory.InvalidResponse(route.Name, "the body has no envelope code", verdict.Status, verdict.TraceId);
                }
            }

            var data = EnvelopeData(verdict, dataInfo);
            if (data is IOperationOutcome outcome && IsFailure(outcome))
            {
                var detail = $"the service answered code {verdict.Code} but its data reports failure (success: {outcome.Success?.ToString() ?? "absent"}, status: {outcome.OutcomeStatus ?? "absent"})";
                throw MemOSErrorFactory.FailedOutcome(route.Name, detail, verdict.ServerMessage, verdict.Status, verdict.TraceId, redactor);
            }

            return data;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw MemOSErrorFactory.InvalidResponse(route.Name, "the body is not valid JSON of the expected shape", verdict.Status, verdict.TraceId, exception);
        }
    }

    // Read with the envelope when the call named this type (the usual case); else from the data's bytes.
    private static TData? EnvelopeData<TData>(ResponseVerdict verdict, JsonTypeInfo<TData> dataInfo)
    {
        if (ReferenceEquals(verdict.DataInfo, dataInfo))
        {
            return verdict.DataError is { } error ? throw error : verdict.DataValue is TData value ? value : default;
        }

        var (offset, length) = verdict.Data.GetOffsetAndLength(verdict.Body.Length);
        return length == 0 ? default : JsonSerializer.Deserialize(verdict.Body.Span.Slice(offset, length), dataInfo);
    }

    private static bool IsFailure(IOperationOutcome outcome)
        => outcome.Success == false
           || outcome.OutcomeStatus is { } status
           && (status.Equals("error", StringComparison.OrdinalIgnoreCase) || status.Equals("failed", StringComparison.OrdinalIgnoreCase) || status.Equals("fail", StringComparison.OrdinalIgnoreCase));

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
        => ReadNumber(ref reader) is { } number && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    // Numbers are accepted as JSON numbers and as numeric strings ("40309"): services send both.
    private static double? ReadNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var number) => number,
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
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

    private static string? Shorten(string? text) => text is { Length: > MaxTextChars } ? text[..MaxTextChars] + "…" : text;
}
