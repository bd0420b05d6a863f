using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>
/// A message written into MemOS with add/message (<c>MessageInput</c>). Use the
/// factories (<see cref="User"/>, <see cref="Assistant"/>, <see cref="System"/>,
/// <see cref="Tool"/>) and <c>with</c> for the optional fields.
/// </summary>
public sealed record MemOSMessage
{
    /// <summary>Who wrote the message (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public required MessageRole Role { get; init; }

    /// <summary>
    /// The text or multimodal parts (<c>content</c>). May be null only on an assistant message
    /// that carries <see cref="ToolCalls"/>.
    /// </summary>
    [JsonPropertyName("content")]
    public MessageContent? Content { get; init; }

    /// <summary>
    /// When the message was said, as any time text (<c>chat_time</c>), e.g. <c>"2025-09-12 08:00:00"</c>.
    /// Without it MemOS uses the time it receives the request.
    /// </summary>
    [JsonPropertyName("chat_time")]
    public string? ChatTime { get; init; }

    /// <summary>The speaker's id in a group chat (<c>role_id</c>); one of the request's user or agent ids.</summary>
    [JsonPropertyName("role_id")]
    public string? RoleId { get; init; }

    /// <summary>The speaker's display name in a group chat (<c>role_name</c>); requires <see cref="RoleId"/>.</summary>
    [JsonPropertyName("role_name")]
    public string? RoleName { get; init; }

    /// <summary>
    /// The tool call this message answers (<c>tool_call_id</c>); required when the role is <c>tool</c>.
    /// </summary>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; init; }

    /// <summary>Tool calls made by the assistant (<c>tool_calls</c>).</summary>
    [JsonPropertyName("tool_calls")]
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A message from the user.</summary>
    /// <param name="content">Text, or parts built with <see cref="MessageContent.FromParts(ContentPart[])"/>.</param>
    public static MemOSMessage User(MessageContent content) => Create(MessageRole.User, content);

    /// <summary>A message from the assistant, optionally with tool calls.</summary>
    /// <param name="content">The answer text; may be null when <paramref name="toolCalls"/> are given.</param>
    /// <param name="toolCalls">Tool calls the assistant made.</param>
    public static MemOSMessage Assistant(MessageContent? content, IReadOnlyList<ToolCall>? toolCalls = null)
    {
        if (content is null && (toolCalls is null || toolCalls.Count == 0))
        {
            throw new ArgumentException("An assistant message needs content or tool calls.", nameof(content));
        }

        return new() { Role = MessageRole.Assistant, Content = content, ToolCalls = toolCalls };
    }

    /// <summary>A system instruction.</summary>
    /// <param name="content">The instruction.</param>
    public static MemOSMessage System(MessageContent content) => Create(MessageRole.System, content);

    /// <summary>The result of a tool call.</summary>
    /// <param name="toolCallId">The <see cref="ToolCall.Id"/> this result answers.</param>
    /// <param name="content">The result, usually JSON text.</param>
    public static MemOSMessage Tool(string toolCallId, MessageContent content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolCallId);
        return Create(MessageRole.Tool, content) with { ToolCallId = toolCallId };
    }

    /// <summary>
    /// Checks the message at <paramref name="index"/> of a request's messages: the one message
    /// validator, which the SDK runs on every add and the import reader, <c>memos add</c> and the
    /// MCP server run on what they are given. It holds the <b>non-empty rule</b>: a message says
    /// something. Its text must not be empty or white space, a list of parts must hold at least one
    /// part, and a text part must not be blank; only a message that carries <c>tool_calls</c> may
    /// have no content. The field's name (<c>messages[i]</c>) is formatted only when there is an
    /// error to report.
    /// </summary>
    /// <exception cref="ArgumentException">The message breaks a rule; the exception names the field.</exception>
    internal void Validate(int index)
    {
        if (string.IsNullOrWhiteSpace(Role.Value))
        {
            throw Invalid(index, ".role", " is required and must not be empty.");
        }

        if (!Role.IsDocumented)
        {
            throw Invalid(index, ".role", $" '{Role.Value}' is not a role MemOS accepts; use user, assistant, system "
                + "or tool.");
        }

        if (ToolCalls is not { Count: > 0 } && !SaysSomething(Content))
        {
            throw Invalid(index, ".content", " must not be empty or white space: a message says something (only one "
                + "that carries tool_calls may have no content).");
        }

        if (Role == MessageRole.Tool && string.IsNullOrWhiteSpace(ToolCallId))
        {
            throw Invalid(index, ".tool_call_id", " is required and must not be empty.");
        }

        if (RoleName is not null && RoleId is null)
        {
            throw Invalid(index, string.Empty, ".role_name must be sent together with role_id.");
        }

        if (Content?.Parts is { } parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                parts[i].Validate(index, i);
            }
        }
    }

    /// <summary>
    /// What <see cref="Validate"/> finds wrong with the message, for tools that report problems
    /// rather than throw: the field (<c>messages[i].content</c>) and what is wrong with it; null when nothing is.
    /// </summary>
    internal (string Field, string Problem)? Problem(int index)
    {
        try
        {
            Validate(index);
            return null;
        }
        catch (ArgumentException error)
        {
            var field = error.ParamName ?? $"messages[{index}]";
            var text = error.Message
                .Replace($" (Parameter '{error.ParamName}')", string.Empty, StringComparison.Ordinal);
            return (field, text.StartsWith(field, StringComparison.Ordinal)
                ? text[field.Length..].TrimStart('.', ' ')
                : text);
        }
    }

    // Blank parts are refused one by one below, with the part's own name.
    private static bool SaysSomething(MessageContent? content)
        => content is not null && (content.Text is { } text
            ? !string.IsNullOrWhiteSpace(text)
            : content.Parts is { Count: > 0 });

    private static ArgumentException Invalid(int index, string field, string problem)
    {
        var name = $"messages[{index}]{field}";
        return new ArgumentException(name + problem, name);
    }

    private static MemOSMessage Create(MessageRole role, MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new() { Role = role, Content = content };
    }
}
