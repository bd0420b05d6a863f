using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MemOS.Client.Serialization;

/// <summary>Reads data that is one object in one service version and a list in another.</summary>
internal static class OneOrList
{
    /// <summary>
    /// The items; none when the data is absent or neither. Throws <see cref="JsonException"/> for any other shape.
    /// </summary>
    public static T[] Read<T>(JsonElement data, JsonTypeInfo<T> info) => data.ValueKind switch
    {
        JsonValueKind.Array => data.EnumerateArray()
            .Select(item => item.Deserialize(info) ?? throw new JsonException("A list item is null."))
            .ToArray(),
        JsonValueKind.Object => [data.Deserialize(info)!],
        _ => [],
    };
}
