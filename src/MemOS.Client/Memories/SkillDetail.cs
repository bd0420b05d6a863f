using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>A skill (<c>skill_detail_list</c> item, SPEC §11).</summary>
public sealed record SkillDetail
{
    /// <summary>The skill id (<c>id</c>)</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The skill's content (<c>skill_value</c>)</summary>
    [JsonPropertyName("skill_value")]
    public SkillValue? SkillValue { get; init; }

    /// <summary>Where to download its <c>SKILL.md</c> or ZIP package (<c>skill_url</c>)</summary>
    [JsonPropertyName("skill_url")]
    public string? SkillUrl { get; init; }

    /// <summary>The kind of skill (<c>skill_type</c>)</summary>
    [JsonPropertyName("skill_type")]
    public string? SkillType { get; init; }

    /// <summary>When the memory was created; epoch milliseconds or a date text (<c>create_time</c>)</summary>
    [JsonPropertyName("create_time")]
    public MemOSTimestamp? CreateTime { get; init; }

    /// <summary>When the memory was last updated (<c>update_time</c>)</summary>
    [JsonPropertyName("update_time")]
    public MemOSTimestamp? UpdateTime { get; init; }

    /// <summary>The conversation the memory came from; <c>default_session</c> for knowledge-base memories (<c>conversation_id</c>)</summary>
    [JsonPropertyName("conversation_id")]
    public string? ConversationId { get; init; }

    /// <summary>The memory's lifecycle state (<c>status</c>)</summary>
    [JsonPropertyName("status")]
    public MemoryStatus? Status { get; init; }

    /// <summary>How sure MemOS is of the skill, 0 to 1 (<c>confidence</c>)</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>Tags (<c>tags</c>)</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get => field ?? []; init; }

    /// <summary>Relevance to the query, 0 to 1; sent as a string by some versions (<c>relativity</c>)</summary>
    [JsonPropertyName("relativity")]
    public double? Relativity { get; init; }

    /// <summary>Fields the SDK does not model, kept as received.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
