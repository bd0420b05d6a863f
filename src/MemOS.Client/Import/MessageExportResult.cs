namespace MemOS.Client.Import;

/// <summary>
/// What <see cref="MemOSExportExtensions.ExportMessagesAsync"/> wrote, and what it could not write whole.
/// </summary>
public sealed record MessageExportResult
{
    /// <summary>Messages written.</summary>
    public required long Messages { get; init; }

    /// <summary>Conversations written (those with at least one message).</summary>
    public required int Conversations { get; init; }

    /// <summary>
    /// Conversations the service returned as many messages of as get/message gives at most (50):
    /// older messages may exist that the service does not return, so the export may hold only the
    /// most recent part of them.
    /// </summary>
    public required IReadOnlyList<string> PossiblyIncomplete { get; init; }

    /// <summary>
    /// Conversations the service returned no message of (with text), so no line was written for them.
    /// </summary>
    public IReadOnlyList<string> Empty { get; init; } = [];

    /// <summary>
    /// Conversations of which the service returned messages without text; those messages are left
    /// out of the export, as an import could not write them again.
    /// </summary>
    public IReadOnlyList<string> MessagesWithoutText { get; init; } = [];

    /// <summary>Every conversation was written whole.</summary>
    public bool Complete => PossiblyIncomplete.Count == 0 && Empty.Count == 0 && MessagesWithoutText.Count == 0;
}
