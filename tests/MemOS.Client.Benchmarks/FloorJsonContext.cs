using System.Text.Json.Serialization;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client.Benchmarks;

/// <summary>The floor's own source-generated context: the SDK's result types inside the floor's envelope.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorEnvelope<SearchMemoryResult>))]
[JsonSerializable(typeof(FloorEnvelope<AddMessageResult>))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
