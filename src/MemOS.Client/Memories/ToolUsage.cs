using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>How a tool fared in a trajectory (<c>tool_used_status</c> item).</summary>
public sealed record ToolUsage
{
    /// <summary>The tool's name (<c>used_tool</c>).</summary>
    [JsonPropertyName("used_tool")]
    public string? UsedTool { get; init; }

    /// <summary>The kind of error seen, empty when none (<c>error_type</c>).</summary>
    [JsonPropertyName("error_type")]
    public string? ErrorType { get; init; }

    /// <summary>Share of successful uses, 0 to 1 (<c>success_rate</c>).</summary>
    [JsonPropertyName("success_rate")]
    public double? SuccessRate { get; init; }

    /// <summary>What was learned about using the tool (<c>tool_experience</c>).</summary>
    [JsonPropertyName("tool_experience")]
    public string? ToolExperience { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
