using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// One line of an import, planned: its messages hold the indexes <see cref="Offset"/> onwards of their
/// conversation (earlier lines of the same user and conversation hold the ones before), split into
/// chunks by what the checkpoint says earlier runs did with these very messages. <see cref="Before"/> holds the
/// conversation's messages just before this line, for reading the conversation back, and
/// <see cref="Previous"/> completes when the earlier line is done, so lines of one conversation go in order.
/// </summary>
internal sealed record ConversationPlan(
    ConversationImport Conversation,
    int Offset,
    IReadOnlyList<MemOSMessage> Before,
    IReadOnlyList<ImportChunk> Chunks,
    int Skipped,
    Task<bool> Previous)
{
    /// <summary>
    /// Whether the checkpoint recorded other messages than this line's somewhere up to its end, so its positions no
    /// longer hold for the conversation's later lines.
    /// </summary>
    public bool Changed { get; init; }

    /// <summary>Completes with whether the conversation may go on after this line.</summary>
    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The conversation's messages just before index <paramref name="index"/> (at most <see cref="ReadBack.Limit"/>),
    /// oldest first.
    /// </summary>
    public IReadOnlyList<MemOSMessage> MessagesBefore(int index)
    {
        var own = Conversation.Messages.Take(index - Offset);
        return [.. Before.Concat(own).TakeLast(ReadBack.Limit)];
    }

    /// <summary>The messages of a range of this line.</summary>
    public IReadOnlyList<MemOSMessage> MessagesOf(ImportRange range)
        => [.. Conversation.Messages.Skip(range.Start - Offset).Take(range.Count)];

    /// <param name="conversation">The line.</param>
    /// <param name="offset">The conversation index of its first message.</param>
    /// <param name="before">The conversation's messages before it (the last <see cref="ReadBack.Limit"/>).</param>
    /// <param name="entries">What the checkpoint recorded of the whole conversation, in the order recorded.</param>
    /// <param name="changedBefore">
    /// Whether an earlier line of the conversation differed from what the checkpoint recorded: then
    /// nothing of this line is sent blindly either, as the checkpoint's positions no longer hold.
    /// </param>
    /// <param name="previous">Completes when the conversation's earlier line is done.</param>
    /// <param name="options">The limits.</param>
    public static ConversationPlan Create(
        ConversationImport conversation,
        int offset,
        IReadOnlyList<MemOSMessage> before,
        IReadOnlyList<ImportCheckpointEntry> entries,
        bool changedBefore,
        Task<bool> previous,
        ImportOptions options)
    {
        var count = conversation.Messages.Count;

        // The latest entry covering each index of the conversation.
        var latest = new ImportCheckpointEntry?[entries.Count == 0
            ? 0
            : Math.Max(offset + count, entries.Max(e => Math.Max(0, e.End())))];
        foreach (var entry in entries)
        {
            for (var i = Math.Max(0, entry.Start); i < entry.End(); i++)
            {
                latest[i] = entry;
            }
        }

        var lastHandled = Array.FindLastIndex(
            latest,
            e => e?.Outcome is ImportOutcome.Written or ImportOutcome.MayHaveBeenApplied or ImportOutcome.Sending);
        var proven = new Dictionary<ImportCheckpointEntry, bool>(ReferenceEqualityComparer.Instance);
        var changed = changedBefore;
        var kinds = new ChunkKind?[count];
        for (var i = 0; i < count; i++)
        {
            kinds[i] = KindOf(offset + i < latest.Length ? latest[offset + i] : null);
        }

        var chunks = new List<ImportChunk>();
        var skipped = 0;
        var next = 0;
        while (next < count)
        {
            var kind = kinds[next];
            var end = next + 1;
            while (end < count && kinds[end] == kind)
            {
                end++;
            }

            var range = new ImportRange(conversation.UserId, conversation.ConversationId, offset + next, end - next);
            IReadOnlyList<MemOSMessage> messages = [.. conversation.Messages.Skip(next).Take(end - next)];
            switch (kind)
            {
                case null:
                    skipped += end - next;
                    break;
                case ChunkKind.Send:
                    chunks.AddRange(Split(range, messages, options));
                    break;
                case ChunkKind.Settle:
                    chunks.Add(new ImportChunk(
                        range,
                        messages,
                        range.End - 1 >= lastHandled ? ChunkKind.Settle : ChunkKind.Uncertain));
                    break;
                default:
                    chunks.Add(new ImportChunk(range, messages, kind.Value));
                    break;
            }

            next = end;
        }

        return new ConversationPlan(conversation, offset, before, chunks, skipped, previous) { Changed = changed };

        // Written, for these very messages: skipped (null); in flight or may have been applied: to
        // settle; recorded for other messages (or without a hash): to replan; else: to send.
        ChunkKind? KindOf(ImportCheckpointEntry? entry)
        {
            if (entry is null || entry.Outcome == ImportOutcome.NotApplied)
            {
                return changed ? ChunkKind.Replan : ChunkKind.Send;
            }

            if (!Proves(entry))
            {
                changed = true;
                return ChunkKind.Replan;
            }

            return entry.Outcome == ImportOutcome.Written ? null : ChunkKind.Settle;
        }

        bool Proves(ImportCheckpointEntry entry)
        {
            if (!proven.TryGetValue(entry, out var proves))
            {
                proves = entry.ContentHash is { } hash
                         && entry.Start >= offset && entry.End() <= offset + count
                         && hash == ImportContentHash.Of(
                             conversation.Messages.Skip(entry.Start - offset).Take(entry.Count));
                proven[entry] = proves;
            }

            return proves;
        }
    }

    /// <summary>
    /// Cuts messages into requests wherever the next message would break the message-count or token limit.
    /// </summary>
    public static List<ImportChunk> Split(
        ImportRange range,
        IReadOnlyList<MemOSMessage> messages,
        ImportOptions options)
    {
        var chunks = new List<ImportChunk>();
        var start = -1;
        var tokens = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var estimate = ImportTokenEstimator.Estimate(messages[i]);
            if (estimate > options.MaxTokensPerRequest)
            {
                Close(i);
                chunks.Add(new ImportChunk(Range(i, 1), [messages[i]], ChunkKind.TooLarge));
                continue;
            }

            if (start >= 0
                && (i - start >= options.MaxMessagesPerRequest || tokens + estimate > options.MaxTokensPerRequest))
            {
                Close(i);
            }

            if (start < 0)
            {
                start = i;
                tokens = 0;
            }

            tokens += estimate;
        }

        Close(messages.Count);
        return chunks;

        void Close(int end)
        {
            if (start >= 0)
            {
                chunks.Add(new ImportChunk(
                    Range(start, end - start),
                    [.. messages.Skip(start).Take(end - start)],
                    ChunkKind.Send));
                start = -1;
            }
        }

        ImportRange Range(int first, int count) => range with { Start = range.Start + first, Count = count };
    }
}
