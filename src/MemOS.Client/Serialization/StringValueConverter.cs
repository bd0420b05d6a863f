using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Serialization;

/// <summary>
/// Reads an open enum from any scalar token, so a value the SDK has never seen (or a number where
/// a string was documented) still parses instead of failing the whole response.
/// </summary>
internal sealed class StringValueConverter<T> : JsonConverter<T> where T : struct, IStringValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => T.Create(JsonScalar.ReadAsString(ref reader));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
