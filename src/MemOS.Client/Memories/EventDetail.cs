using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Memories;

/// <summary>An event memory (<c>event_detail_list</c> item).</summary>
public sealed record EventDetail : MemoryItem
{
    /// <summary>The event's title (<c>event_key</c>).</summary>
    [JsonPropertyName("event_key")]
    public string? EventKey { get; init; }

    /// <summary>What happened (<c>event_value</c>).</summary>
    [JsonPropertyName("event_value")]
    public string? EventValue { get; init; }

    /// <summary>Always <c>EventMemory</c> today (<c>event_type</c>).</summary>
    [JsonPropertyName("event_type")]
    public MemoryType? EventType { get; init; }

    /// <summary>When it happened, as said (<c>event_time</c>).</summary>
    [JsonPropertyName("event_time")]
    public IReadOnlyList<string> EventTime { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Where it happened (<c>event_location</c>).</summary>
    [JsonPropertyName("event_location")]
    public IReadOnlyList<string> EventLocation { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>Who took part (<c>event_roles</c>).</summary>
    [JsonPropertyName("event_roles")]
    public IReadOnlyList<string> EventRoles { get => field ?? []; init => field = ResultList.WithoutNulls(value); }

    /// <summary>The source messages (get/memory only) (<c>sources</c>).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<JsonElement>? Sources { get; init; }

    /// <summary>Custom metadata (get/memory only) (<c>info</c>).</summary>
    [JsonPropertyName("info")]
    public IReadOnlyDictionary<string, InfoValue>? Info { get; init; }
}
