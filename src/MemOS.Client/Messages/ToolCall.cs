using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Messages;

/// <summary>A tool call made by the assistant (<c>tool_calls[]</c>).</summary>
public sealed record ToolCall
{
    /// <summary>
    /// The call id that the tool's answer refers to in <see cref="MemOSMessage.ToolCallId"/> (<c>id</c>).
    /// </summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The call type; always <c>function</c> today (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "function";

    /// <summary>The function called (<c>function</c>).</summary>
    [JsonPropertyName("function")]
    public required ToolCallFunction Function { get; init; }

    /// <summary>Fields the SDK does not model, kept as received and sent back as given.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A function call.</summary>
    /// <param name="id">The call id.</param>
    /// <param name="name">The function name.</param>
    /// <param name="argumentsJson">The arguments, already encoded as a JSON string.</param>
    public static ToolCall ForFunction(string id, string name, string argumentsJson)
        => new() { Id = id, Function = new() { Name = name, Arguments = argumentsJson } };
}
