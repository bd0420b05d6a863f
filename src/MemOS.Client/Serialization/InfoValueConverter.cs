using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Serialization;

internal sealed class InfoValueConverter : JsonConverter<InfoValue>
{
    public override InfoValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return InfoValue.FromNumber(reader.GetDouble());
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                // Nested values are kept as JSON rather than failing the whole answer; null list items are dropped.
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return InfoValue.FromJson(document.RootElement);
                }

            default:
                return InfoValue.FromString(JsonScalar.ReadAsString(ref reader));
        }
    }

    public override void Write(Utf8JsonWriter writer, InfoValue value, JsonSerializerOptions options)
    {
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
        }
        else if (value.List is not null)
        {
            writer.WriteStartArray();
            foreach (var item in value.List)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
        else if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            value.Json!.Value.WriteTo(writer);
        }
    }
}
