using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Transport;

namespace MemOS.Client.Server;

/// <summary>
/// Source-generated JSON metadata of the self-hosted server's types, with the same options as
/// <see cref="Serialization.MemOSJsonContext"/>: nulls omitted so unset fields leave the
/// server's defaults in force, numbers readable from strings.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ServerChatRequest))]
[JsonSerializable(typeof(ServerAddMemoryRequest))]
[JsonSerializable(typeof(ServerSearchMemoryRequest))]
[JsonSerializable(typeof(ServerGetMemoryRequest))]
[JsonSerializable(typeof(ServerDeleteMemoryRequest))]
[JsonSerializable(typeof(ServerFeedbackRequest))]
[JsonSerializable(typeof(ServerChatCompleteResult))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
}
