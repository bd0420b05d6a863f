using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// An OpenAI-style message for the self-hosted server: chat <c>history</c>, the
/// messages written by add and the history of feedback. Use the factories and <c>with</c> for
/// the optional fields.
/// </summary>
public sealed record ServerMessage
{
    /// <summary>Who wrote the message (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public required MessageRole Role { get; init; }

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>The author's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>When the message was said, as any time text (<c>chat_time</c>).</summary>
    [JsonPropertyName("chat_time")]
    public string? ChatTime { get; init; }

    /// <summary>The message's id (<c>message_id</c>).</summary>
    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }

    /// <summary>Fields the SDK does not model, sent as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A message from the user.</summary>
    /// <param name="content">The text.</param>
    public static ServerMessage User(string content) => new() { Role = MessageRole.User, Content = content };

    /// <summary>A message from the assistant.</summary>
    /// <param name="content">The text.</param>
    public static ServerMessage Assistant(string content) => new() { Role = MessageRole.Assistant, Content = content };

    /// <summary>A system instruction.</summary>
    /// <param name="content">The text.</param>
    public static ServerMessage System(string content) => new() { Role = MessageRole.System, Content = content };
}
