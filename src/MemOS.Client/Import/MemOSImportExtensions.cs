using MemOS.Client.Import;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>Bulk import of conversation history.</summary>
public static class MemOSImportExtensions
{
    /// <summary>
    /// Writes many conversations into MemOS as fast as the service allows, and never twice.
    /// Each conversation is split into add/message requests within the per-request limits
    /// (<see cref="ImportOptions.MaxMessagesPerRequest"/>, <see cref="ImportOptions.MaxTokensPerRequest"/>),
    /// sent in order with their <c>chat_time</c> unchanged; several conversations go at once, under a
    /// limit that halves on every rate limit (after the service's <c>Retry-After</c>) and grows
    /// again while calls succeed, up to <see cref="ImportOptions.MaxConcurrency"/>. A rate-limited
    /// request is sent again; a request that may have reached the service is never sent again and
    /// is reported in <see cref="ImportReport.MayHaveBeenApplied"/>. With a
    /// <see cref="ImportOptions.Checkpoint"/>, a later run sends only what no earlier run handled.
    /// </summary>
    /// <param name="client">The client; its own retry settings apply to each request.</param>
    /// <param name="conversations">The conversations, read once, as the import reaches them.</param>
    /// <param name="options">Limits, pacing and checkpoint; the defaults when null.</param>
    /// <param name="progress">Receives a snapshot after every request, from the import's worker threads and possibly several at once (<see cref="Progress{T}"/> hands them to the captured context).</param>
    /// <param name="cancellationToken">
    /// Stops sending new requests; requests already sent are awaited and recorded, and the report
    /// comes back with <see cref="ImportReport.Cancelled"/> set, so a later run can resume.
    /// </param>
    /// <returns>What was written, what may have been, and what certainly was not.</returns>
    /// <exception cref="FormatException">A malformed line (from <see cref="ReadConversationsAsync"/>). Whatever the source throws is rethrown once the requests already sent have finished and been recorded.</exception>
    public static Task<ImportReport> ImportAsync(this IMemOSClient client, IAsyncEnumerable<ConversationImport> conversations, ImportOptions? options = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(conversations);
        options ??= new ImportOptions();
        options.Validate();
        return new BulkImporter(client, options, progress).RunAsync(conversations, cancellationToken);
    }

    /// <summary>
    /// Reads conversations from a JSON Lines stream, one <see cref="ConversationImport"/> per line
    /// (blank lines are skipped), for <see cref="ImportAsync"/>.
    /// </summary>
    /// <param name="utf8Json">The stream; it is read to the end but not closed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The conversations, one per line.</returns>
    /// <exception cref="FormatException">A line is not a conversation; the message gives its number.</exception>
    public static async IAsyncEnumerable<ConversationImport> ReadConversationsAsync(Stream utf8Json, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ConversationImport? conversation;
            try
            {
                conversation = System.Text.Json.JsonSerializer.Deserialize(line, MemOSJsonContext.Default.ConversationImport);
            }
            catch (System.Text.Json.JsonException error)
            {
                throw new FormatException($"Line {number} is not a conversation: {error.Message}", error);
            }

            yield return conversation ?? throw new FormatException($"Line {number} is null, not a conversation.");
        }
    }
}
