using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>Typed reads of a request: its JSON body (empty for GET), or its form for a multipart upload.</summary>
internal sealed class EmulatorRequest(JsonObject body, IFormCollection? form, IQueryCollection query)
{
    public JsonObject Body => body;

    public IFormCollection? Form => form;

    public IQueryCollection Query => query;

    public static async Task<EmulatorRequest?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.HasFormContentType)
        {
            return new([], await request.ReadFormAsync(cancellationToken).ConfigureAwait(false), request.Query);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return new([], null, request.Query);
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken)
                .ConfigureAwait(false) is JsonObject body ? new(body, null, request.Query) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? String(string name) => body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : null;

    public IReadOnlyList<string> Strings(string name) => body[name] switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    public double? Number(string name) => body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        ? value.GetValue<double>()
        : null;

    public bool? Boolean(
        string name) => body[name] is JsonValue value
            && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public bool IsLongId(string name) => String(name) is { Length: > MemOSLimits.MaxIdLength };
}
