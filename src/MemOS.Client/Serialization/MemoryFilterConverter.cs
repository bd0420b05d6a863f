using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Filters;

namespace MemOS.Client.Serialization;

internal sealed class MemoryFilterConverter : JsonConverter<MemoryFilter>
{
    public override MemoryFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return MemoryFilter.FromJson(document.RootElement);
    }

    public override void Write(
        Utf8JsonWriter writer,
        MemoryFilter value,
        JsonSerializerOptions options)
        => value.WriteTo(writer);
}
