using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The <c>data</c> of a get/memory answer: one page of memories, up to <c>size</c> per category. Every list is empty,
/// never null, when absent.
/// </summary>
public sealed record GetMemoryResult
{
    /// <summary>Fact memories (<c>memory_detail_list</c>).</summary>
    [JsonPropertyName("memory_detail_list")]
    public IReadOnlyList<MemoryDetail> Memories { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Preference memories (<c>preference_detail_list</c>).</summary>
    [JsonPropertyName("preference_detail_list")]
    public IReadOnlyList<PreferenceDetail> Preferences { get => field ?? []; init
        => field = ResultList.WithoutNulls(value); }

    /// <summary>Tool memories (<c>tool_memory_detail_list</c>).</summary>
    [JsonPropertyName("tool_memory_detail_list")]
    public IReadOnlyList<ToolMemoryDetail> ToolMemories { get => field ?? []; init
        => field = ResultList.WithoutNulls(value); }

    /// <summary>Skills (<c>skill_detail_list</c>).</summary>
    [JsonPropertyName("skill_detail_list")]
    public IReadOnlyList<SkillDetail> Skills { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Profile instances (<c>profile_detail_list</c>).</summary>
    [JsonPropertyName("profile_detail_list")]
    public IReadOnlyList<ProfileMemoryDetail> Profiles { get => field ?? []; init
        => field = ResultList.WithoutNulls(value); }

    /// <summary>Event memories (<c>event_detail_list</c>).</summary>
    [JsonPropertyName("event_detail_list")]
    public IReadOnlyList<EventDetail> Events { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>The largest item count of any category, to tell whether another page exists (<c>total</c>).</summary>
    [JsonPropertyName("total")]
    public int? Total { get; init; }

    /// <summary>Items per category on this page (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public int? Size { get; init; }

    /// <summary>This page's number, from 1 (<c>current</c>).</summary>
    [JsonPropertyName("current")]
    public int? Current { get; init; }

    /// <summary>The number of pages (<c>pages</c>).</summary>
    [JsonPropertyName("pages")]
    public int? Pages { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
