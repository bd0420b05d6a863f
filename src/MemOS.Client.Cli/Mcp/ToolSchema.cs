using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemOS.Client.Cli.Mcp;

/// <summary>The JSON schema of a tool's arguments: exactly what <see cref="ToolArguments"/> enforces.</summary>
internal static class ToolSchema
{
    public static JsonElement For(IReadOnlyList<ToolParameter> parameters)
    {
        var properties = new JsonObject();
        foreach (var parameter in parameters)
        {
            var property = Of(parameter);
            property["description"] = parameter.Description;
            properties[parameter.Name] = property;
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. parameters.Where(p => p.Required).Select(p => JsonValue.Create(p.Name))]),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject Of(ToolParameter parameter) => parameter.Kind switch
    {
        ToolValueKind.Count => new JsonObject
        {
            ["type"] = "integer",
            ["minimum"] = 1,
            ["maximum"] = parameter.Maximum,
        },
        ToolValueKind.Text => Text(),
        ToolValueKind.TextList => new JsonObject { ["type"] = "array", ["items"] = Text(), ["minItems"] = 1 },
        ToolValueKind.Messages => new JsonObject
        {
            ["type"] = "array",
            ["minItems"] = 1,
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["role"] = new JsonObject
                    {
                        ["type"] = "string",
                        ["enum"] = new JsonArray([.. KnownRoles.All.Select(r => JsonValue.Create(r))]),
                        ["description"] = "Who wrote it.",
                    },
                    ["content"] = Text("The text of the message."),
                    ["chat_time"] = Text("When it was said, as \"2025-09-12 08:00:00\"; optional."),
                },
                ["required"] = new JsonArray("role", "content"),
                ["additionalProperties"] = false,
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    private static JsonObject Text(string? description = null)
    {
        var text = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        if (description is not null)
        {
            text["description"] = description;
        }

        return text;
    }
}
