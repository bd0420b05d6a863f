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

    /// <summary>The tool call this message answers (<c>tool_call_id</c>); required when the role is <c>tool</c>.</summary>
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
    /// Checks the message at <paramref name="index"/> of a request's messages. This runs on every
    /// add, so the field's name (<c>messages[i]</c>) is formatted only when there is an error to report.
    /// </summary>
    internal void Validate(int index)
    {
        if (string.IsNullOrWhiteSpace(Role.Value))
        {
            throw Invalid(index, ".role", " is required and must not be empty.");
        }

        if (!Role.IsDocumented)
        {
            throw Invalid(index, ".role", $" '{Role.Value}' is not a role MemOS accepts; use user, assistant, system or tool.");
        }

        if (Content is null && (ToolCalls is null || ToolCalls.Count == 0))
        {
            throw Invalid(index, string.Empty, ".content is required unless the message carries tool_calls.");
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
