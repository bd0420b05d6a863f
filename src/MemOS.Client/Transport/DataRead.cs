using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MemOS.Client.Transport;

/// <summary>An envelope's <c>data</c>, read while the envelope was classified.</summary>
/// <param name="Info">The type it was read as.</param>
/// <param name="Value">The value; null when the data is absent or null, or could not be read.</param>
/// <param name="Error">Why it could not be read as <paramref name="Info"/>'s type.</param>
internal sealed record DataRead(JsonTypeInfo Info, object? Value, JsonException? Error);
