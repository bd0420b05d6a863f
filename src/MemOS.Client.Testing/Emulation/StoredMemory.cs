using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>One memory the emulator derived from a message: a fact or a preference.</summary>
internal sealed class StoredMemory
{
    public required string Id { get; init; }

    public required bool IsPreference { get; init; }

    public required string UserId { get; init; }

    public string? AgentId { get; init; }

    public string? AppId { get; init; }

    public required string ConversationId { get; init; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public string Status { get; set; } = "activated";

    public required long CreateTime { get; init; }

    public long UpdateTime { get; set; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public JsonObject Info { get; init; } = [];

    public string PreferenceType { get; init; } = "explicit_preference";

    public string? SourceMessage { get; init; }
}
