using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Tasks;

/// <summary>The memories of one category that a task touched.</summary>
public sealed record TaskMemoryIds
{
    /// <summary>Their ids (<c>memory_ids</c>).</summary>
    [JsonPropertyName("memory_ids")]
    public IReadOnlyList<string> MemoryIds { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
