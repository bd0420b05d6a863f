using System.Text.Json.Serialization;

namespace MemOS.Client.Agents;

/// <summary>
/// The provider's session state, source-generated so sessions serialize trimmed and without reflection.
/// </summary>
[JsonSerializable(typeof(SessionScope))]
internal sealed partial class MemOSAgentsJsonContext : JsonSerializerContext;
