using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The <c>data</c> of a search/memory answer. Every list is empty, never null, when the service
/// omits it or sends null; each comes ordered by relevance, highest first.
/// </summary>
public sealed record SearchMemoryResult
{
    /// <summary>Fact memories (<c>memory_detail_list</c>).</summary>
    [JsonPropertyName("memory_detail_list")]
    public IReadOnlyList<MemoryDetail> Memories { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Preference memories (<c>preference_detail_list</c>).</summary>
    [JsonPropertyName("preference_detail_list")]
    public IReadOnlyList<PreferenceDetail> Preferences
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>Tool memories (<c>tool_memory_detail_list</c>).</summary>
    [JsonPropertyName("tool_memory_detail_list")]
    public IReadOnlyList<ToolMemoryDetail> ToolMemories
    {
        get => field ?? [];
        init => field = ResultList.WithoutNulls(value);
    }

    /// <summary>Skills (<c>skill_detail_list</c>).</summary>
    [JsonPropertyName("skill_detail_list")]
    public IReadOnlyList<SkillDetail> Skills { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>
    /// Profile attributes (<c>profile_detail_list</c>); recalled only when <see cref="MemoryView.Profile"/> is
    /// requested.
    /// </summary>
    [JsonPropertyName("profile_detail_list")]
    public IReadOnlyList<ProfileDetail> Profiles { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>
    /// Event memories (<c>event_detail_list</c>); recalled only when <see cref="MemoryView.Event"/> is requested.
    /// </summary>
    [JsonPropertyName("event_detail_list")]
    public IReadOnlyList<EventDetail> Events { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>
    /// An instruction to put into the LLM prompt when preferences are used (<c>preference_note</c>);
    /// empty when there is none.
    /// </summary>
    [JsonPropertyName("preference_note")]
    public string? PreferenceNote { get; init; }

    /// <summary>
    /// Fields the SDK does not model (such as the legacy <c>message_detail_list</c>), kept as received.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
