using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Profiles;

namespace MemOS.Client.Serialization;

/// <summary>
/// An object holding <c>value</c> is a field; any other object is a category of fields. A bare
/// scalar is read as a field's value, so a service that flattens the tree still parses.
/// </summary>
internal sealed class ProfileMetadataConverter : JsonConverter<ProfileMetadata>
{
    public override ProfileMetadata Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fieldInfo = (JsonTypeInfo<ProfileFieldValue>)options.GetTypeInfo(typeof(ProfileFieldValue));
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Profile metadata must be a JSON object.");
        }

        var metadata = new ProfileMetadata();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (IsField(entry.Value))
            {
                metadata.Set(entry.Name, ReadField(entry.Value, fieldInfo));
                continue;
            }

            foreach (var field in entry.Value.EnumerateObject())
            {
                metadata.Set(entry.Name, field.Name, ReadField(field.Value, fieldInfo));
            }
        }

        return metadata;
    }

    public override void Write(Utf8JsonWriter writer, ProfileMetadata value, JsonSerializerOptions options)
    {
        var fieldInfo = (JsonTypeInfo<ProfileFieldValue>)options.GetTypeInfo(typeof(ProfileFieldValue));
        writer.WriteStartObject();
        foreach (var (category, fields) in value.CategoryEntries)
        {
            writer.WritePropertyName(category);
            writer.WriteStartObject();
            foreach (var (name, field) in fields)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, field, fieldInfo);
            }

            writer.WriteEndObject();
        }

        foreach (var (name, field) in value.Fields)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, field, fieldInfo);
        }

        writer.WriteEndObject();
    }

    private static bool IsField(JsonElement element)
        => element.ValueKind != JsonValueKind.Object || element.TryGetProperty("value", out _);

    private static ProfileFieldValue ReadField(JsonElement element, JsonTypeInfo<ProfileFieldValue> fieldInfo)
        => element.ValueKind == JsonValueKind.Object
            ? element.Deserialize(fieldInfo) ?? throw new JsonException("A profile field must not be null.")
            : new ProfileFieldValue
            {
                Value = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(),
            };
}
