using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A skill (<c>skill_detail_list</c> item).</summary>
public sealed record SkillDetail : MemoryItem
{
    /// <summary>The skill's content (<c>skill_value</c>).</summary>
    [JsonPropertyName("skill_value")]
    public SkillValue? SkillValue { get; init; }

    /// <summary>Where to download its <c>SKILL.md</c> or ZIP package (<c>skill_url</c>).</summary>
    [JsonPropertyName("skill_url")]
    public string? SkillUrl { get; init; }

    /// <summary>The kind of skill (<c>skill_type</c>).</summary>
    [JsonPropertyName("skill_type")]
    public string? SkillType { get; init; }

    /// <summary>How sure MemOS is of the skill, 0 to 1 (<c>confidence</c>).</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Tags (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init => field = ResultList.WithoutNulls(value); }
}
