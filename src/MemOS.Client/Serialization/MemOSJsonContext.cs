using System.Text.Json.Serialization;
using MemOS.Client.Chat;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Transport;

namespace MemOS.Client.Serialization;

/// <summary>
/// The one place JSON metadata comes from: source-generated, so the SDK never serializes by
/// reflection and stays trimming- and AOT-safe. Nulls are omitted so that unset optional fields
/// leave the service's defaults in force; numbers may arrive as strings.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AddMessageRequest))]
[JsonSerializable(typeof(SearchMemoryRequest))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(MemOSEnvelope<AddMessageResult>))]
[JsonSerializable(typeof(MemOSEnvelope<SearchMemoryResult>))]
[JsonSerializable(typeof(MemOSEnvelope<ChatResult>))]
[JsonSerializable(typeof(MemOSErrorBody))]
[JsonSerializable(typeof(ContentPart[]))]
internal sealed partial class MemOSJsonContext : JsonSerializerContext
{
}
