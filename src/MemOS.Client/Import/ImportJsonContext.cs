using System.Text.Json.Serialization;

namespace MemOS.Client.Import;

/// <summary>Source-generated JSON for import files, checkpoints and exports (trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ConversationImport))]
[JsonSerializable(typeof(ImportCheckpointEntry))]
[JsonSerializable(typeof(MemOS.Client.Memories.GetMemoryResult))]
internal sealed partial class ImportJsonContext : JsonSerializerContext
{
}
