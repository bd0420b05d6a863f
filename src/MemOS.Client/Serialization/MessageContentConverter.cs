using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Messages;

namespace MemOS.Client.Serialization;

internal sealed class MessageContentConverter : JsonConverter<MessageContent>
{
    public override MessageContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return MessageContent.FromText(JsonScalar.ReadAsString(ref reader));
        }

        var parts = JsonSerializer.Deserialize(
            ref reader,
            (JsonTypeInfo<ContentPart[]>)options.GetTypeInfo(typeof(ContentPart[])))!;
        return parts.Length == 0 ? MessageContent.FromText(string.Empty) : MessageContent.FromParts(parts);
    }

    public override void Write(Utf8JsonWriter writer, MessageContent value, JsonSerializerOptions options)
    {
        if (value.Text is not null)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        var partInfo = (JsonTypeInfo<ContentPart>)options.GetTypeInfo(typeof(ContentPart));
        writer.WriteStartArray();
        foreach (var part in value.Parts!)
        {
            JsonSerializer.Serialize(writer, part, partInfo);
        }

        writer.WriteEndArray();
    }
}
