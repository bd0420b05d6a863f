using System.Text.Json.Serialization;

namespace MemOS.Client.Import;

/// <summary>The first line of a checkpoint file: its format and the target it records writes to.</summary>
internal sealed record ImportCheckpointHeader
{
    /// <summary>The format this version writes: entries carry a hash of their messages.</summary>
    public const int CurrentFormat = 2;

    [JsonPropertyName("memos_checkpoint")]
    public required int Format { get; init; }

    /// <summary>Null when the first run named no target.</summary>
    [JsonPropertyName("target")]
    public ImportCheckpointTarget? Target { get; init; }
}
