using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>
/// Splits a conversation into requests: the messages no earlier run handled (per the checkpoint),
/// in order, cut wherever the next message would break the message-count or token limit.
/// </summary>
internal sealed record ConversationPlan(ConversationImport Conversation, IReadOnlyList<ImportChunk> Chunks, int Skipped)
{
    public static ConversationPlan Create(ConversationImport conversation, IReadOnlyList<ImportCheckpointEntry> recorded, ImportOptions options)
    {
        var messages = conversation.Messages;
        var handled = new bool[messages.Count];
        foreach (var entry in recorded)
        {
            for (var i = Math.Max(0, entry.Start); i < Math.Min(messages.Count, entry.Start + entry.Count); i++)
            {
                handled[i] = true;
            }
        }

        var chunks = new List<ImportChunk>();
        var skipped = 0;
        var start = -1;
        var tokens = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (handled[i])
            {
                skipped++;
                Close(i);
                continue;
            }

            var estimate = messages[i] is null ? 0 : ImportTokenEstimator.Estimate(messages[i]);
            if (estimate > options.MaxTokensPerRequest)
            {
                Close(i);
                chunks.Add(new ImportChunk(Range(i, 1), [messages[i]], TooLarge: true));
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
        return new ConversationPlan(conversation, chunks, skipped);

        void Close(int end)
        {
            if (start >= 0)
            {
                chunks.Add(new ImportChunk(Range(start, end - start), Slice(start, end - start), TooLarge: false));
                start = -1;
            }
        }

        ImportRange Range(int first, int count) => new(conversation.UserId, conversation.ConversationId, first, count);

        MemOSMessage[] Slice(int first, int count)
        {
            var slice = new MemOSMessage[count];
            for (var k = 0; k < count; k++)
            {
                slice[k] = messages[first + k];
            }

            return slice;
        }
    }
}
