using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Serialization;

/// <summary>
/// Reads an open enum from any scalar token, so a value the SDK has never seen (or a number where
/// a string was documented) still parses instead of failing the whole response.
/// </summary>
/// <remarks>
/// An open enum takes few values (a memory's type and status on every memory of a search), so the
/// first values read are kept and handed out again rather than allocated once per occurrence.
/// </remarks>
internal sealed class StringValueConverter<T> : JsonConverter<T> where T : struct, IStringValue<T>
{
    // Enough for every documented value of the largest open enum; a service inventing more is read as before.
    private const int MaxKept = 16;

    // Longer texts are not enum values worth keeping.
    private const int MaxKeptBytes = 64;

    // Replaced whole when a value is added, never changed in place: a reader sees a complete array.
    private static (byte[] Utf8, T Value)[] KeptValues = [];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence
            || reader.ValueSpan.Length > MaxKeptBytes)
        {
            return T.Create(JsonScalar.ReadAsString(ref reader));
        }

        var text = reader.ValueSpan;
        var kept = Volatile.Read(ref KeptValues);
        foreach (var (utf8, known) in kept)
        {
            if (text.SequenceEqual(utf8))
            {
                return known;
            }
        }

        var value = T.Create(reader.GetString()!);
        if (kept.Length < MaxKept)
        {
            // A value another thread added meanwhile may be lost; it is kept on a later read.
            Interlocked.CompareExchange(ref KeptValues, [.. kept, (text.ToArray(), value)], kept);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
