using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MemOS.Client.Serialization;

internal static class JsonScalar
{
    /// <summary>Reads a string, number or boolean token as text; anything else is a schema violation.</summary>
    public static string ReadAsString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(
                    reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            default:
                throw new JsonException($"Expected a string value but found {reader.TokenType}.");
        }
    }
}
