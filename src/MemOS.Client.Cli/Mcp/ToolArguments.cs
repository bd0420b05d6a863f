using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Messages;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// A tool call's arguments, checked against the tool's parameters before anything is sent: the
/// first problem becomes a <see cref="ToolArgumentException"/> naming the argument and why.
/// </summary>
internal sealed class ToolArguments
{
    private readonly IReadOnlyDictionary<string, JsonElement> _values;

    private ToolArguments(IReadOnlyDictionary<string, JsonElement> values) => _values = values;

    public static ToolArguments Check(
        IReadOnlyList<ToolParameter> parameters,
        IDictionary<string, JsonElement>? arguments)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            var parameter = parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new ToolArgumentException(
                    $"Unexpected argument '{name}': this tool takes {Names(parameters)}.");
            CheckValue(parameter, value);
            values[name] = value;
        }

        foreach (var parameter in parameters.Where(p => p.Required && !values.ContainsKey(p.Name)))
        {
            throw new ToolArgumentException($"Missing required argument '{parameter.Name}': {parameter.Description}");
        }

        return new ToolArguments(values);
    }

    public string Text(string name)
        => OptionalText(name) ?? throw new InvalidOperationException($"'{name}' was checked as required.");

    public string? OptionalText(string name) => _values.TryGetValue(name, out var value) ? value.GetString() : null;

    public int? OptionalCount(string name) => _values.TryGetValue(name, out var value) ? value.GetInt32() : null;

    public IReadOnlyList<string> TextList(string name)
        => [.. _values[name].EnumerateArray().Select(item => item.GetString()!)];

    public IReadOnlyList<MemOSMessage> Messages(string name) =>
    [
        .. _values[name].EnumerateArray().Select(item => new MemOSMessage
        {
            Role = item.GetProperty("role").GetString()!,
            Content = item.GetProperty("content").GetString()!,
            ChatTime = item.TryGetProperty("chat_time", out var time) && time.ValueKind == JsonValueKind.String
                ? time.GetString()
                : null,
        }),
    ];

    /// <summary>
    /// The first text among a call's arguments that holds half of a UTF-16 surrogate pair (JSON can escape
    /// one, <c>\ud800</c>, but no .NET string can be read from it), as the error naming it; null when none.
    /// It runs on the raw request, before the MCP SDK reads the arguments, which would fail as an internal error.
    /// </summary>
    public static ToolArgumentException? FindLoneSurrogate(JsonObject arguments)
    {
        return arguments.Select(argument => Find(argument.Key, argument.Value))
            .FirstOrDefault(path => path is not null) is { } found
            ? new ToolArgumentException($"'{found}' is not valid text: it holds half of a UTF-16 surrogate pair (an "
                + "escape such as \\ud800 with no partner).")
            : null;

        static string? Find(string path, JsonNode? node) => node switch
        {
            JsonObject item => item.Select(property => Find($"{path}.{property.Key}", property.Value))
                .FirstOrDefault(found => found is not null),
            JsonArray items => items.Select((item, index) => Find(Item(path, index), item))
                .FirstOrDefault(found => found is not null),
            JsonValue value when value.GetValueKind() == JsonValueKind.String && !IsReadable(value) => path,
            _ => null,
        };

        static bool IsReadable(JsonValue value)
        {
            try
            {
                value.GetValue<string>();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    private static void CheckValue(ToolParameter parameter, JsonElement value)
    {
        var path = parameter.Name;
        switch (parameter.Kind)
        {
            case ToolValueKind.Count:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 1
                    || count > parameter.Maximum)
                {
                    var given = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value);
                    throw new ToolArgumentException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{path}' must be a whole number from 1 to {parameter.Maximum}, not {given}."));
                }

                break;
            case ToolValueKind.Text:
                CheckText(path, value);
                break;
            case ToolValueKind.TextList:
                var index = 0;
                foreach (var item in NonEmptyArray(path, value))
                {
                    CheckText(Item(path, index++), item);
                }

                break;
            case ToolValueKind.Messages:
                index = 0;
                foreach (var item in NonEmptyArray(path, value))
                {
                    CheckMessage(Item(path, index++), item);
                }

                break;
        }
    }

    private static void CheckMessage(string path, JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new ToolArgumentException(
                $"'{path}' must be an object with role and content, not {Describe(message)}.");
        }

        foreach (var property in message.EnumerateObject())
        {
            if (property.Name is not ("role" or "content" or "chat_time"))
            {
                throw new ToolArgumentException(
                    $"Unexpected property '{path}.{property.Name}': a message takes role, content and chat_time.");
            }
        }

        if (!message.TryGetProperty("role", out var role))
        {
            throw new ToolArgumentException($"Missing '{path}.role': one of {string.Join(", ", KnownRoles.All)}.");
        }

        CheckText(path + ".role", role);
        if (!KnownRoles.All.Contains(role.GetString(), StringComparer.Ordinal))
        {
            throw new ToolArgumentException(
                $"'{path}.role' must be one of {string.Join(", ", KnownRoles.All)}, not '{role.GetString()}'.");
        }

        if (!message.TryGetProperty("content", out var content))
        {
            throw new ToolArgumentException($"Missing '{path}.content': the text of the message.");
        }

        if (content.ValueKind != JsonValueKind.String)
        {
            throw new ToolArgumentException($"'{path}.content' must be a string, not {Describe(content)}.");
        }

        // Empty text and the like: the SDK's one message validator decides, as for every add.
        if (new MemOSMessage { Role = role.GetString()!, Content = content.GetString()! }.Problem(0) is { } problem)
        {
            throw new ToolArgumentException($"'{path}{problem.Field["messages[0]".Length..]}' {problem.Problem}");
        }

        if (message.TryGetProperty("chat_time", out var time))
        {
            CheckText(path + ".chat_time", time);
            if (!CliOptions.IsChatTime(time.GetString()!))
            {
                throw new ToolArgumentException(
                    $"'{path}.chat_time' must be a time as \"2025-09-12 08:00:00\", not '{time.GetString()}'.");
            }
        }
    }

    private static void CheckText(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ToolArgumentException($"'{path}' must be a string, not {Describe(value)}.");
        }

        if (string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new ToolArgumentException($"'{path}' must not be empty.");
        }
    }

    private static JsonElement.ArrayEnumerator NonEmptyArray(string path, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ToolArgumentException($"'{path}' must be an array, not {Describe(value)}.");
        }

        if (value.GetArrayLength() == 0)
        {
            throw new ToolArgumentException($"'{path}' must hold at least one item.");
        }

        return value.EnumerateArray();
    }

    private static string Item(string path, int index)
        => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string Names(IReadOnlyList<ToolParameter> parameters)
        => parameters.Count == 0 ? "no arguments" : string.Join(", ", parameters.Select(p => p.Name));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
