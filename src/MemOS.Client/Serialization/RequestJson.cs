using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Filters;

namespace MemOS.Client.Serialization;

/// <summary>
/// The options request bodies are written with: a source-generated context, the service's rules on
/// what not to send, and text written as UTF-8 rather than escaped (Chinese text escaped as
/// <c>\uXXXX</c> would double the body): bodies go to an API, never into a web page.
/// </summary>
internal static class RequestJson
{
    /// <summary>
    /// Options over <paramref name="context"/> that leave out a filter without conditions, whichever request holds it.
    /// </summary>
    public static JsonSerializerOptions For(JsonSerializerContext context)
        => new(context.Options)
        {
            TypeInfoResolver = context.WithAddedModifier(OmitFiltersWithoutConditions),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

    // The cloud answers `filter: {}` with 40000 (seen live), so such a filter is omitted rather than sent.
    private static void OmitFiltersWithoutConditions(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(MemoryFilter))
            {
                property.ShouldSerialize = static (_, value) => value is MemoryFilter { HasConditions: true };
            }
        }
    }
}
