using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Serialization;

internal sealed class OneOrManyIdsConverter : JsonConverter<OneOrManyIds>
{
    public override OneOrManyIds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return OneOrManyIds.One(JsonScalar.ReadAsString(ref reader));
        }

        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(JsonScalar.ReadAsString(ref reader));
        }

        return OneOrManyIds.Many(ids);
    }

    public override void Write(Utf8JsonWriter writer, OneOrManyIds value, JsonSerializerOptions options)
    {
        if (!value.IsArray)
        {
            writer.WriteStringValue(value.Values[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var id in value.Values)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}
