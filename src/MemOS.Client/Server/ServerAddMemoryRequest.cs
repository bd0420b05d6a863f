using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// The body of the self-hosted server's <c>POST /product/add</c>: messages the server turns
/// into memories. SPEC names this route only; the fields here are the evident ones, and
/// <see cref="AdditionalProperties"/> carries any other field the server accepts.
/// </summary>
public sealed record ServerAddMemoryRequest
{
    /// <summary>The user the memories belong to (<c>user_id</c>).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The messages to remember, oldest first (<c>messages</c>).</summary>
    [JsonPropertyName("messages")]
    public required IReadOnlyList<ServerMessage> Messages { get; init; }

    /// <summary>The cubes to write into (<c>writable_cube_ids</c>).</summary>
    [JsonPropertyName("writable_cube_ids")]
    public IReadOnlyList<string>? WritableCubeIds { get; init; }

    /// <summary>The session the messages belong to (<c>session_id</c>).</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; init; }

    /// <summary>Extra body fields to send as given (such as <c>async_mode</c>, <c>custom_tags</c> or <c>info</c>).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    internal void Validate()
    {
        Guard.Required(UserId, "user_id");
        Guard.Required(Messages, "messages");
    }
}
