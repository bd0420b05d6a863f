using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// One line of an import, planned: its messages hold the indexes <see cref="Offset"/> onwards of their
/// conversation (earlier lines of the same user and conversation hold the ones before), split into
/// chunks by what the checkpoint says earlier runs did with them. <see cref="Before"/> holds the
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
    /// <summary>Completes with whether the conversation may go on after this line.</summary>
    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The conversation's messages just before index <paramref name="index"/> (at most <see cref="ReadBack.Limit"/>), oldest first.</summary>
    public IReadOnlyList<MemOSMessage> MessagesBefore(int index)
    {
        var own = Conversation.Messages.Take(index - Offset);
        return [.. Before.Concat(own).TakeLast(ReadBack.Limit)];
    }

    /// <summary>The messages of a range of this line.</summary>
    public IReadOnlyList<MemOSMessage> MessagesOf(ImportRange range) => [.. Conversation.Messages.Skip(range.Start - Offset).Take(range.Count)];

    /// <param name="conversation">The line.</param>
    /// <param name="offset">The conversation index of its first message.</param>
    /// <param name="before">The conversation's messages before it (the last <see cref="ReadBack.Limit"/>).</param>
    /// <param name="states">
    /// What the checkpoint says of each index of the whole conversation (the latest entry covering
    /// it wins); null where nothing was recorded.
    /// </param>
    /// <param name="previous">Completes when the conversation's earlier line is done.</param>
    /// <param name="options">The limits.</param>
    public static ConversationPlan Create(ConversationImport conversation, int offset, IReadOnlyList<MemOSMessage> before, ImportOutcome?[] states, Task<bool> previous, ImportOptions options)
    {
        var count = conversation.Messages.Count;
        var lastHandled = Array.FindLastIndex(states, s => s is ImportOutcome.Written or ImportOutcome.MayHaveBeenApplied or ImportOutcome.Sending);
        var chunks = new List<ImportChunk>();
        var skipped = 0;
        var i = 0;
        while (i < count)
        {
            var kind = KindOf(i);
            var end = i + 1;
            while (end < count && KindOf(end) == kind)
            {
                end++;
            }

            var range = new ImportRange(conversation.UserId, conversation.ConversationId, offset + i, end - i);
            switch (kind)
            {
                case null:
                    skipped += end - i;
                    break;
                case ChunkKind.Send:
                    chunks.AddRange(Split(range, [.. conversation.Messages.Skip(i).Take(end - i)], options));
                    break;
                default:
                    chunks.Add(new ImportChunk(range, [.. conversation.Messages.Skip(i).Take(end - i)], range.End - 1 >= lastHandled ? ChunkKind.Settle : ChunkKind.Uncertain));
                    break;
            }

            i = end;
        }

        return new ConversationPlan(conversation, offset, before, chunks, skipped, previous);

        // Written: skipped (null); in flight or may have been applied: to settle; else: to send.
        ChunkKind? KindOf(int index) => (offset + index < states.Length ? states[offset + index] : null) switch
        {
            ImportOutcome.Written => null,
            ImportOutcome.MayHaveBeenApplied or ImportOutcome.Sending => ChunkKind.Settle,
            _ => ChunkKind.Send,
        };
    }

    /// <summary>Cuts messages into requests wherever the next message would break the message-count or token limit.</summary>
    public static List<ImportChunk> Split(ImportRange range, IReadOnlyList<MemOSMessage> messages, ImportOptions options)
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

            if (start >= 0 && (i - start >= options.MaxMessagesPerRequest || tokens + estimate > options.MaxTokensPerRequest))
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
                chunks.Add(new ImportChunk(Range(start, end - start), [.. messages.Skip(start).Take(end - start)], ChunkKind.Send));
                start = -1;
            }
        }

        ImportRange Range(int first, int count) => range with { Start = range.Start + first, Count = count };
    }
}
