using System.ComponentModel;
using System.Text.Json.Serialization;

namespace MemOS.Client.Cli.Mcp;

/// <summary>A message as the add_messages tool takes it.</summary>
internal sealed record ToolMessage
{
    [JsonPropertyName("role")]
    [Description("Who wrote it: user, assistant or system.")]
    public required string Role { get; init; }

    [JsonPropertyName("content")]
    [Description("The text of the message.")]
    public required string Content { get; init; }

    [JsonPropertyName("chat_time")]
    [Description("When it was said, e.g. \"2025-09-12 08:00:00\"; optional.")]
    public string? ChatTime { get; init; }
}
