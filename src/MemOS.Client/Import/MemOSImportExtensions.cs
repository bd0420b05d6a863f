using MemOS.Client.Import;

namespace MemOS.Client;

/// <summary>Bulk import of conversation history.</summary>
public static class MemOSImportExtensions
{
    /// <summary>
    /// Writes many conversations into MemOS as fast as the service allows, and never twice.
    /// Each conversation is split into add/message requests within the per-request limits
    /// (<see cref="ImportOptions.MaxMessagesPerRequest"/>, <see cref="ImportOptions.MaxTokensPerRequest"/>),
    /// sent in order with their <c>chat_time</c> unchanged; items with the same user and conversation
    /// continue one conversation, in order, never in parallel. Several conversations go at once, under a
    /// limit that halves on every rate limit (after the service's <c>Retry-After</c>) and grows
    /// again while calls succeed, up to <see cref="ImportOptions.MaxConcurrency"/>. The client sends
    /// a rate-limited request again (up to <see cref="ImportOptions.MaxRetriesPerRequest"/> times); a
    /// request that may have reached the service is never blindly sent again: it is settled by
    /// reading the conversation back (<see cref="ImportOptions.SettleAmbiguousWrites"/>), and only
    /// what cannot be settled is reported in <see cref="ImportReport.MayHaveBeenApplied"/>. With a
    /// <see cref="ImportOptions.Checkpoint"/>, a later run sends only what no earlier run wrote, and
    /// settles what an earlier run left uncertain.
    /// </summary>
    /// <param name="client">The client; its own retry settings apply to each request.</param>
    /// <param name="conversations">The conversations, read once, as the import reaches them.</param>
    /// <param name="options">Limits, pacing and checkpoint; the defaults when null.</param>
    /// <param name="progress">Receives a snapshot after every request, from the import's worker threads and possibly
    /// several at once (<see cref="Progress{T}"/> hands them to the captured context).</param>
    /// <param name="cancellationToken">
    /// Stops sending new requests; requests already sent are awaited and recorded, and the report
    /// comes back with <see cref="ImportReport.Cancelled"/> set, so a later run can resume.
    /// </param>
    /// <returns>What was written, what may have been, and what certainly was not.</returns>
    /// <exception cref="ImportValidationException">A malformed line (from <see cref="ReadConversationsAsync"/>).
    /// Whatever the source throws is rethrown once the requests already sent have finished and been
    /// recorded.</exception>
    public static Task<ImportReport> ImportAsync(
        this IMemOSClient client,
        IAsyncEnumerable<ConversationImport> conversations,
        ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(conversations);
        options ??= new ImportOptions();
        options.Validate();
        return new BulkImporter(client, options, progress).RunAsync(conversations, cancellationToken);
    }

    /// <summary>
    /// Imports a JSON Lines file, one <see cref="ConversationImport"/> per line, after checking all
    /// of it: when any line is invalid, nothing is written and <see cref="ImportValidationException"/>
    /// lists every problem (<c>line 7: messages[2].role: …</c>), unless
    /// <see cref="ImportOptions.SkipInvalid"/> is set, in which case the valid lines are imported and
    /// the invalid ones are listed in <see cref="ImportReport.InvalidLines"/>. Lines with the same
    /// <c>user_id</c> and <c>conversation_id</c> form one conversation, in file order.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="utf8Json">The file: a seekable stream (it is read twice: checked, then imported), left
    /// open.</param>
    /// <param name="options">Limits, pacing, checkpoint and <see cref="ImportOptions.SkipInvalid"/>; the defaults when
    /// null.</param>
    /// <param name="progress">As for <see cref="ImportAsync"/>.</param>
    /// <param name="cancellationToken">As for <see cref="ImportAsync"/>.</param>
    /// <returns>What was written, what may have been, what certainly was not, and the lines skipped.</returns>
    /// <exception cref="ImportValidationException">A line is invalid and <see cref="ImportOptions.SkipInvalid"/> is not
    /// set; nothing was written.</exception>
    public static async Task<ImportReport> ImportJsonLinesAsync(
        this IMemOSClient client,
        Stream utf8Json,
        ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (!utf8Json.CanSeek)
        {
            throw new ArgumentException(
                "The import needs a stream it can read twice (a file); copy standard input to a file first.",
                nameof(utf8Json));
        }

        options ??= new ImportOptions();
        options.Validate();
        var start = utf8Json.Position;
        var problems = new List<ImportProblem>();
        var invalid = new HashSet<int>();
        long messages = 0;
        await foreach (var line in ImportLineReader.ReadAsync(utf8Json, options.MaxTokensPerRequest, cancellationToken)
            .ConfigureAwait(false))
        {
            problems.AddRange(line.Problems);
            if (line.Conversation is { } conversation)
            {
                messages += conversation.Messages.Count;
            }
            else
            {
                invalid.Add(line.Number);
            }
        }

        if (problems.Count > 0 && !options.SkipInvalid)
        {
            throw new ImportValidationException(problems);
        }

        utf8Json.Position = start;
        var importer = new BulkImporter(client, options, progress, messages);
        var report = await importer.RunAsync(
            ValidLines(utf8Json, invalid, options.MaxTokensPerRequest, importer, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return report with { InvalidLines = problems };
    }

    /// <summary>
    /// Reads conversations from a JSON Lines stream, one <see cref="ConversationImport"/> per line
    /// (blank lines are skipped), for <see cref="ImportAsync"/>, checking each line as it goes. It
    /// streams, so a bad line is found only when reached, after the lines before it were imported;
    /// <see cref="ImportJsonLinesAsync"/> checks the whole file before writing anything.
    /// </summary>
    /// <param name="utf8Json">The stream; it is read to the end but not closed.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The conversations, one per line.</returns>
    /// <exception cref="ImportValidationException">A line is not a valid conversation; it lists the line's every
    /// problem.</exception>
    public static async IAsyncEnumerable<ConversationImport> ReadConversationsAsync(
        Stream utf8Json,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        await foreach (var line in ImportLineReader.ReadAsync(utf8Json, maxTokensPerMessage: null, cancellationToken)
            .ConfigureAwait(false))
        {
            yield return line.Conversation ?? throw new ImportValidationException(line.Problems);
        }
    }

    private static async IAsyncEnumerable<ConversationImport> ValidLines(
        Stream utf8Json,
        HashSet<int> invalid,
        int maxTokens,
        BulkImporter importer,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in ImportLineReader.ReadAsync(utf8Json, maxTokens, cancellationToken)
            .ConfigureAwait(false))
        {
            if (invalid.Contains(line.Number))
            {
                // The importer plans lines in this order, so it hears of the skipped line before the next of its
                // conversation.
                if (line.Key is { } key)
                {
                    importer.Block(key.UserId, key.ConversationId, $"line {line.Number} of conversation "
                        + $"{key.UserId}/{key.ConversationId}, before this one, is invalid and was skipped");
                }
            }
            else
            {
                // Checked a moment ago; a line that changed since is refused like any invalid one.
                yield return line.Conversation ?? throw new ImportValidationException(line.Problems);
            }
        }
    }
}
