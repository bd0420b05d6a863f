using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>Typed reads of a request body, reporting problems with the service's codes.</summary>
internal sealed class EmulatorRequest(JsonObject body)
{
    public JsonObject Body => body;

    public static async Task<EmulatorRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false) is JsonObject body ? new EmulatorRequest(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? String(string name) => body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public IReadOnlyList<string> Strings(string name) => body[name] switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    public double? Number(string name) => body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public bool? Boolean(string name) => body[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;
}
