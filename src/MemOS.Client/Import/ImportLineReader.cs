using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Import;

/// <summary>
/// Reads an import's JSON Lines and checks each line the way the service would, reporting every
/// problem of a line at once as <see cref="ImportProblem"/>s named by JSON path, never by .NET type.
/// </summary>
internal static class ImportLineReader
{

    /// <summary>
    /// One line that is not blank: the conversation when it is valid, else its problems and, when
    /// they can be read, its user and conversation ids.
    /// </summary>
    public readonly record struct Line(
        int Number,
        ConversationImport? Conversation,
        IReadOnlyList<ImportProblem> Problems,
        (string UserId, string ConversationId)? Key = null);

    public static async IAsyncEnumerable<Line> ReadAsync(
        Stream utf8Json,
        int? maxTokensPerMessage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(
            utf8Json,
            Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true,
            bufferSize: 65536,
            leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                var problems = new List<ImportProblem>();
                var conversation = Check(text, number, maxTokensPerMessage, problems);
                yield return problems.Count == 0
                    ? new Line(number, conversation, problems)
                    : new Line(number, null, problems, KeyOf(text));
            }
        }
    }

    /// <summary>The ids of an invalid line, when it is a JSON object that has both as strings.</summary>
    private static (string, string)? KeyOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   && root.TryGetProperty("user_id", out var user) && user.ValueKind == JsonValueKind.String
                   && root.TryGetProperty("conversation_id", out var conversation) && conversation
                       .ValueKind == JsonValueKind.String
                ? (user.GetString()!, conversation.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ConversationImport? Check(
        string text,
        int number,
        int? maxTokensPerMessage,
        List<ImportProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            problems.Add(new ImportProblem(
                number,
                "(line)",
                $"not valid JSON (at character {(error.BytePositionInLine ?? 0) + 1})"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ImportProblem(
                    number,
                    "(line)",
                    "must be one conversation, a JSON object with user_id, conversation_id and messages"));
                return null;
            }

            Id(root, "user_id");
            Id(root, "conversation_id");
            Optional(root, "agent_id", JsonValueKind.String, "must be a string");
            Optional(root, "app_id", JsonValueKind.String, "must be a string");
            if (Optional(root, "tags", JsonValueKind.Array, "must be an array of strings") is { } tags
                && tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                problems.Add(new ImportProblem(number, "tags", "must be an array of strings"));
            }

            CheckMessages(root);
            if (problems.Count > 0)
            {
                return null;
            }

            ConversationImport conversation;
            try
            {
                conversation = root.Deserialize(MemOSJsonContext.Default.ConversationImport)!;
            }
            catch (JsonException error)
            {
                // What the checks above do not cover, such as a content part or tool call of the wrong shape.
                problems.Add(new ImportProblem(number, FieldOf(error.Path), "has the wrong shape"));
                return null;
            }

            for (var i = 0; i < conversation.Messages.Count; i++)
            {
                try
                {
                    conversation.Messages[i].Validate(i);
                }
                catch (ArgumentException error)
                {
                    problems.Add(new ImportProblem(number, error.ParamName ?? $"messages[{i}]", ProblemOf(error)));
                }

                if (maxTokensPerMessage is { } max
                    && ImportTokenEstimator.Estimate(conversation.Messages[i]) is var tokens
                    && tokens > max)
                {
                    problems.Add(new ImportProblem(number, $"messages[{i}].content", $"is estimated at {tokens} "
                        + $"tokens, more than the {max} one request may carry; shorten or split it"));
                }
            }

            return conversation;
        }

        void Id(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                problems.Add(new ImportProblem(number, name, "is required"));
            }
            else if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add(new ImportProblem(number, name, "must be a string"));
            }
            else if (string.IsNullOrWhiteSpace(value.GetString()))
            {
                problems.Add(new ImportProblem(number, name, "must not be empty"));
            }
            else if (value.GetString()!.Length > MemOSLimits.MaxIdLength)
            {
                problems.Add(new ImportProblem(
                    number,
                    name,
                    $"is longer than the {MemOSLimits.MaxIdLength} characters the service accepts"));
            }
        }

        JsonElement? Optional(JsonElement owner, string name, JsonValueKind kind, string problem, string? prefix = null)
        {
            if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != kind)
            {
                problems.Add(new ImportProblem(number, prefix + name, problem));
                return null;
            }

            return value;
        }

        void CheckMessages(JsonElement root)
        {
            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null)
            {
                problems.Add(new ImportProblem(number, "messages", "is required"));
                return;
            }

            if (messages.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(number, "messages", "must be an array of messages"));
                return;
            }

            if (messages.GetArrayLength() == 0)
            {
                problems.Add(new ImportProblem(number, "messages", "must hold at least one message"));
                return;
            }

            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                var field = $"messages[{index++}]";
                if (message.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ImportProblem(number, field, "must be a message object with role and content"));
                    continue;
                }

                if (!message.TryGetProperty("role", out var role) || role.ValueKind == JsonValueKind.Null)
                {
                    problems.Add(new ImportProblem(number, field + ".role", "is required"));
                }
                else if (role.ValueKind != JsonValueKind.String)
                {
                    problems.Add(new ImportProblem(number, field + ".role", "must be a string"));
                }
                else if (!new MessageRole(role.GetString()!).IsDocumented)
                {
                    problems.Add(new ImportProblem(number, field + ".role", $"'{role.GetString()}' is not a role MemOS "
                        + $"accepts; use {string.Join(", ", MessageRole.Documented)}"));
                }

                if (message.TryGetProperty("content", out var content)
                    && content.ValueKind is not (JsonValueKind.String or JsonValueKind.Array or JsonValueKind.Null))
                {
                    problems.Add(
                        new ImportProblem(number, field + ".content", "must be a string or an array of content parts"));
                }

                Optional(message, "chat_time", JsonValueKind.String, "must be a string", field + ".");
                Optional(message, "tool_calls", JsonValueKind.Array, "must be an array of tool calls", field + ".");
                Optional(message, "tool_call_id", JsonValueKind.String, "must be a string", field + ".");
                Optional(message, "role_id", JsonValueKind.String, "must be a string", field + ".");
                Optional(message, "role_name", JsonValueKind.String, "must be a string", field + ".");
            }
        }
    }

    private static string FieldOf(string? path)
        => string.IsNullOrEmpty(path) || path == "$"
            ? "(line)"
            : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // The SDK's message checks name the field in the exception; the problem is the rest of the text.
    private static string ProblemOf(ArgumentException error)
    {
        var text = error.Message;
        var suffix = $" (Parameter '{error.ParamName}')";
        if (text.EndsWith(suffix, StringComparison.Ordinal))
        {
            text = text[..^suffix.Length];
        }

        if (error.ParamName is { } name && text.StartsWith(name, StringComparison.Ordinal))
        {
            text = text[name.Length..];
        }

        return text.TrimStart('.', ' ').TrimEnd('.');
    }
}
