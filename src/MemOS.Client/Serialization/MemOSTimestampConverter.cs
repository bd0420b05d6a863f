using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Serialization;

/// <summary>Reads epoch numbers and date texts alike; writes the value back in the form it came in.</summary>
internal sealed class MemOSTimestampConverter : JsonConverter<MemOSTimestamp>
{
    public override MemOSTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var raw = Encoding.UTF8.GetString(
                reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            return MemOSTimestamp.FromNumber(raw, reader.GetDouble());
        }

        return MemOSTimestamp.Parse(JsonScalar.ReadAsString(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, MemOSTimestamp value, JsonSerializerOptions options)
    {
        if (value.IsNumber)
        {
            writer.WriteRawValue(value.Raw, skipInputValidation: false);
        }
        else
        {
            writer.WriteStringValue(value.Raw);
        }
    }
}
