namespace MemOS.Client.Import;

/// <summary>
/// Remembers which requests of an import were acknowledged (or may have been applied), so that a
/// run after a crash or a cancellation sends only the messages no earlier run sent. Implementations
/// must be safe to call from several threads at once.
/// </summary>
public interface IImportCheckpoint
{
    /// <summary>The entries recorded for one conversation, in the order they were recorded.</summary>
    /// <param name="userId">The conversation's user.</param>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The entries; empty when the conversation was never imported.</returns>
    ValueTask<IReadOnlyList<ImportCheckpointEntry>> GetEntriesAsync(
        string userId,
        string conversationId,
        CancellationToken cancellationToken = default);

    /// <summary>Records that a request is being sent, or its outcome, durably before the import goes on.</summary>
    /// <param name="entry">The messages and their outcome.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask RecordAsync(ImportCheckpointEntry entry, CancellationToken cancellationToken = default);
}
