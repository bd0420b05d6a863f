using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Import;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// Backs up a user's memories and messages as JSON Lines, one item per line, written as pages arrive.
/// </summary>
public static class MemOSExportExtensions
{

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    // Readable text: a backup is searched with grep and read by people, and holds no HTML.
    private static readonly JsonWriterOptions Readable = new() { Encoder = ReadableJsonEncoder.Instance };

    private static readonly IReadOnlyList<MemoryView> AllViews =
        [MemoryView.DetailFactual, MemoryView.Preference, MemoryView.ToolMemory, MemoryView.Skill, MemoryView
            .Profile, MemoryView.Event];

    /// <summary>
    /// Writes every memory of a user, every category and every page of get/memory, one per line:
    /// <c>{"category":"fact","memory":{…}}</c>, where the category is <c>fact</c>, <c>preference</c>,
    /// <c>tool_memory</c>, <c>skill</c>, <c>profile</c> or <c>event</c> and the memory is the
    /// service's item with every field it sent.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user.</param>
    /// <param name="output">Receives UTF-8 JSON Lines; flushed after each page, not closed.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many memories were written.</returns>
    public static async Task<long> ExportMemoriesAsync(
        this IMemOSClient client,
        string userId,
        Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(output);
        var context = MemOSJsonContext.Default;
        long count = 0;

        // Each page is written into memory, then to the output in one asynchronous write: an output
        // such as an ASP.NET Core response body refuses synchronous writes.
        var page = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(page, Readable);
        await foreach (var result in client.GetAllMemoriesAsync(AllMemories(userId), cancellationToken)
            .ConfigureAwait(false))
        {
            page.ResetWrittenCount();
            count += Write(writer, page, "fact", result.Memories, context.MemoryDetail)
                     + Write(writer, page, "preference", result.Preferences, context.PreferenceDetail)
                     + Write(writer, page, "tool_memory", result.ToolMemories, context.ToolMemoryDetail)
                     + Write(writer, page, "skill", result.Skills, context.SkillDetail)
                     + Write(writer, page, "profile", result.Profiles, context.ProfileMemoryDetail)
                     + Write(writer, page, "event", result.Events, context.EventDetail);
            await output.WriteAsync(page.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>
    /// Writes the raw messages of a user's conversations, one conversation per line in the shape
    /// <see cref="MemOSImportExtensions.ImportAsync"/> reads (<see cref="ConversationImport"/>), so an
    /// export can be imported elsewhere: each message keeps its role, its text and the
    /// <c>chat_time</c> it was written with, when the service returns it (without it, the message
    /// has no <c>chat_time</c>, and an import stamps it with the time of the import). get/message
    /// returns at most the 50 most recent messages of a conversation and cannot page further: a
    /// conversation that returns 50 is named in <see cref="MessageExportResult.PossiblyIncomplete"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="userId">The user.</param>
    /// <param name="conversationIds">
    /// The conversations; when null, every conversation the user's memories came from (get/message
    /// needs a conversation id and the API has no call that lists conversations).
    /// </param>
    /// <param name="output">Receives UTF-8 JSON Lines; flushed after each conversation, not closed.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many messages and conversations were written, and which may be incomplete.</returns>
    public static async Task<MessageExportResult> ExportMessagesAsync(
        this IMemOSClient client,
        string userId,
        IEnumerable<string>? conversationIds,
        Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(output);
        var conversations = conversationIds?.ToList()
            ?? await ConversationsOfAsync(client, userId, cancellationToken).ConfigureAwait(false);
        long count = 0;
        var written = 0;
        var incomplete = new List<string>();
        var empty = new List<string>();
        var withoutText = new List<string>();
        var line = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(line, Readable);
        foreach (var conversationId in conversations)
        {
            var result = await client.GetMessagesAsync(new GetMessageRequest
            {
                UserId = userId,
                ConversationId = conversationId,
                MessageLimitNumber = MemOSLimits.MaxPageSize,
            }, cancellationToken).ConfigureAwait(false);
            if (result.Messages.Count >= MemOSLimits.MaxPageSize)
            {
                incomplete.Add(conversationId);
            }

            // A message without text cannot be imported again (the service refuses empty content):
            // it is left out and its conversation named, rather than written as an empty message.
            var messages = result.Messages.Where(m => !string.IsNullOrWhiteSpace(m.Content)).ToList();
            if (messages.Count < result.Messages.Count)
            {
                withoutText.Add(conversationId);
            }

            if (messages.Count == 0)
            {
                empty.Add(conversationId);
                continue;
            }

            var conversation = new ConversationImport
            {
                UserId = userId,
                ConversationId = conversationId,

                // The storage time is not when the message was said, so it is never passed off as chat_time.
                Messages = [.. messages.Select(m => new MemOSMessage
                {
                    Role = m.Role ?? MessageRole.User,
                    Content = m.Content!,
                    ChatTime = m.ChatTime,
                })],
            };
            line.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, conversation, MemOSJsonContext.Default.ConversationImport);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            line.Write(NewLine.Span);
            await output.WriteAsync(line.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            count += conversation.Messages.Count;
            written++;
        }

        return new MessageExportResult
        {
            Messages = count,
            Conversations = written,
            PossiblyIncomplete = incomplete,
            Empty = empty,
            MessagesWithoutText = withoutText,
        };
    }

    private static async Task<List<string>> ConversationsOfAsync(
        IMemOSClient client,
        string userId,
        CancellationToken cancellationToken)
    {
        // In the order first seen.
        var conversations = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in client.GetAllMemoriesAsync(AllMemories(userId), cancellationToken)
            .ConfigureAwait(false))
        {
            IEnumerable<MemoryItem> items = [.. page.Memories, .. page.Preferences, .. page.ToolMemories, .. page
                .Skills, .. page.Events];
            foreach (var id in items.Select(m => m.ConversationId))
            {
                if (!string.IsNullOrEmpty(id) && seen.Add(id))
                {
                    conversations.Add(id);
                }
            }
        }

        return conversations;
    }

    private static GetMemoryRequest AllMemories(string userId)
        => new()
        {
            UserId = userId,
            Size = MemOSLimits.MaxPageSize,
            IncludeMemoryView = AllViews,
            IncludePreference = true,
            IncludeToolMemory = true,
        };

    private static int Write<T>(
        Utf8JsonWriter writer,
        ArrayBufferWriter<byte> output,
        string category,
        IReadOnlyList<T> items,
        JsonTypeInfo<T> typeInfo)
    {
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("category", category);
            writer.WritePropertyName("memory");
            JsonSerializer.Serialize(writer, item, typeInfo);
            writer.WriteEndObject();

            // One value per line: JSON Lines, not one JSON document.
            writer.Flush();
            output.Write("\n"u8);
            writer.Reset();
        }

        return items.Count;
    }
}
