using System.Text.Json.Serialization;

namespace MemOS.Client.Import;

/// <summary>
/// One line of a checkpoint: a request's messages and what became of them; for the same messages the last line counts.
/// </summary>
public sealed record ImportCheckpointEntry
{
    /// <summary>The conversation's user.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation_id")]
    public required string ConversationId { get; init; }

    /// <summary>The index of the first message, from 0.</summary>
    [JsonPropertyName("start")]
    public required int Start { get; init; }

    /// <summary>How many messages.</summary>
    [JsonPropertyName("count")]
    public required int Count { get; init; }

    /// <summary>What became of the request, or <see cref="ImportOutcome.Sending"/> while it was in flight.</summary>
    [JsonPropertyName("outcome")]
    [JsonConverter(typeof(JsonStringEnumConverter<ImportOutcome>))]
    public required ImportOutcome Outcome { get; init; }

    /// <summary>
    /// A hash of the messages the entry records (the first 16 bytes of a SHA-256, in hexadecimal):
    /// a later run trusts the entry only for the same messages at the same place. An entry without
    /// one (an older checkpoint) proves nothing: its messages are checked against what the service
    /// holds, by reading the conversation back.
    /// </summary>
    [JsonPropertyName("sha256")]
    public string? ContentHash { get; init; }

    /// <summary>The index just after the last message.</summary>
    internal int End() => Start + Count;

    /// <summary>The messages as a range.</summary>
    public ImportRange ToRange() => new(UserId, ConversationId, Start, Count);
}
