using System.Text.Json;
using Refit;

namespace MemOS.Client.Api;

/// <summary>
/// Builds the Refit clients of the API interfaces: generated requests only, with the SDK's JSON context.
/// </summary>
internal static class ApiFactory
{
    /// <summary>Creates <typeparamref name="TApi"/> over <paramref name="http"/>.</summary>
    /// <param name="http">The client to send with, whose base address every route is relative to.</param>
    /// <param name="json">Options whose resolver is a source-generated context holding every body type of <typeparamref
    /// name="TApi"/>.</param>
    public static TApi Create<TApi>(HttpClient http, JsonSerializerOptions json)
        => RestService.ForGenerated<TApi>(http, new RefitSettings(new JsonContentSerializer(json))
        {
            // Serialized up front into one buffer (see JsonContentSerializer), never re-streamed.
            RequestBodySerialization = RequestBodySerializationMode.Buffered,

            // Network failures stay raw, so the transport can tell the caller's cancellation from
            // a timeout or a refused connection.
            TransportExceptionFactory = static (_, exception, _) => exception,
        });
}
