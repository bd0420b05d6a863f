using System.Text.Json.Serialization;

namespace MemOS.Client.AI;

/// <summary>
/// The types the memory tools read and return, for <c>AIFunctionFactory</c>: source-generated,
/// so the tools work trimmed and without reflection serialization.
/// </summary>
[JsonSerializable(typeof(string))]
internal sealed partial class MemOSAIJsonContext : JsonSerializerContext;
