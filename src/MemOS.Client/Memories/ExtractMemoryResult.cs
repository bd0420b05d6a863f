using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Answers;

namespace MemOS.Client.Memories;

/// <summary>The <c>data</c> of an extract/memory answer. Nothing was stored.</summary>
public sealed record ExtractMemoryResult : IOperationOutcome
{
    /// <summary>Whether extraction succeeded (<c>success</c>).</summary>
    [JsonPropertyName("success")]
    public bool? Success { get; init; }

    /// <summary>Facts (<c>memory_detail_list</c>).</summary>
    [JsonPropertyName("memory_detail_list")]
    public IReadOnlyList<ExtractedMemory> Memories
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>Preferences (<c>preference_detail_list</c>).</summary>
    [JsonPropertyName("preference_detail_list")]
    public IReadOnlyList<ExtractedPreference> Preferences
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    string? IOperationOutcome.OutcomeStatus => null;
}
