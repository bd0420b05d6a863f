using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Server;

namespace MemOS.Client.Telemetry;

/// <summary>
/// What a call's request and answer say in the GenAI conventions' terms, set on its span. The
/// mapping: a conversation (cloud) or session (self-hosted) is <c>gen_ai.conversation.id</c>; a
/// knowledge base is a memory store (<c>gen_ai.memory.store.id</c>); a memory is a record. Ids
/// and counts are always recorded; the query, the records and chat messages only when content
/// capture is on. User ids are never recorded: they name people.
/// </summary>
internal static class GenAIRequestTags
{
    /// <summary>Sets the ids a request names, and its content when <paramref name="captureContent"/> is set.</summary>
    public static void FromRequest(Activity activity, object? request, bool captureContent)
    {
        switch (request)
        {
            case AddMessageRequest add:
                activity.SetTag(GenAIConventions.ConversationId, add.ConversationId);
                if (captureContent)
                {
                    activity.SetTag(
                        GenAIConventions.MemoryRecords,
                        Records(add.Messages, static message => (null, Text(message.Content), null)));
                }

                break;
            case SearchMemoryRequest search:
                activity.SetTag(GenAIConventions.ConversationId, search.ConversationId);
                activity.SetTag(GenAIConventions.MemoryStoreId, Single(search.KnowledgeBaseIds));
                Query(activity, search.Query, captureContent);
                break;
            case ChatRequest chat:
                activity.SetTag(GenAIConventions.ConversationId, chat.ConversationId);
                InputMessage(activity, chat.Query, captureContent);
                break;
            case UpdateMemoryRequest update:
                activity.SetTag(GenAIConventions.MemoryRecordId, update.MemoryId);
                if (captureContent && update.Content is not null)
                {
                    activity.SetTag(
                        GenAIConventions.MemoryRecords,
                        Records([update], static item => (item.MemoryId, item.Content, null)));
                }

                break;
            case DeleteMemoryRequest delete:
                RecordIds(activity, delete.MemoryIds);
                break;
            case AddFeedbackRequest feedback:
                activity.SetTag(GenAIConventions.ConversationId, feedback.ConversationId);
                break;
            case DeleteKnowledgeBaseRequest deleteStore:
                activity.SetTag(GenAIConventions.MemoryStoreId, deleteStore.KnowledgeBaseId);
                break;
            case ServerAddMemoryRequest serverAdd:
                activity.SetTag(GenAIConventions.ConversationId, serverAdd.SessionId);
                activity.SetTag(GenAIConventions.MemoryStoreId, Single(serverAdd.WritableCubeIds));
                if (captureContent)
                {
                    activity.SetTag(
                        GenAIConventions.MemoryRecords,
                        Records(serverAdd.Messages, static message => (null, message.Content, null)));
                }

                break;
            case ServerSearchMemoryRequest serverSearch:
                activity.SetTag(GenAIConventions.ConversationId, serverSearch.SessionId);
                activity.SetTag(GenAIConventions.MemoryStoreId, Single(serverSearch.ReadableCubeIds));
                Query(activity, serverSearch.Query, captureContent);
                break;
            case ServerDeleteMemoryRequest serverDelete:
                activity.SetTag(GenAIConventions.ConversationId, serverDelete.SessionId);
                activity.SetTag(GenAIConventions.MemoryStoreId, Single(serverDelete.WritableCubeIds));
                RecordIds(activity, serverDelete.MemoryIds);
                break;
            case ServerFeedbackRequest serverFeedback:
                activity.SetTag(GenAIConventions.ConversationId, serverFeedback.SessionId);
                break;
            case ServerChatRequest serverChat:
                activity.SetTag(GenAIConventions.ConversationId, serverChat.SessionId);
                InputMessage(activity, serverChat.Query, captureContent);
                break;
        }
    }

    /// <summary>
    /// Sets what a successful answer says: the records a search found (their number; their content only with capture
    /// on), a new store's id, a chat's answer.
    /// </summary>
    public static void FromAnswer<TData>(Activity activity, TData? data, bool captureContent)
    {
        switch (data)
        {
            case SearchMemoryResult found:
                var count = found.Memories.Count + found.Preferences.Count + found.ToolMemories.Count
                    + found.Skills.Count
                    + found.Profiles.Count
                    + found.Events.Count;
                activity.SetTag(GenAIConventions.MemoryRecordCount, count);
                if (captureContent)
                {
                    IEnumerable<(string? Id, string? Content, double? Score)> records = found.Memories
                        .Select(static memory => (memory.Id, memory.MemoryValue, memory.Relativity))
                        .Concat(found.Preferences.Select(
                            static preference => (preference.Id, preference.Preference, preference.Relativity)));
                    activity.SetTag(GenAIConventions.MemoryRecords, Records(records, static record => record));
                }

                break;
            case CreateKnowledgeBaseResult created:
                activity.SetTag(GenAIConventions.MemoryStoreId, created.Id);
                break;
            case ChatResult answer:
                OutputMessage(activity, answer.Response, captureContent);
                break;
            case ServerChatCompleteResult serverAnswer:
                OutputMessage(activity, serverAnswer.Response, captureContent);
                break;
        }
    }

    private static void Query(Activity activity, string? query, bool captureContent)
    {
        if (captureContent)
        {
            activity.SetTag(GenAIConventions.MemoryQueryText, query);
        }
    }

    private static void RecordIds(Activity activity, IReadOnlyList<string>? ids)
    {
        // One id names the record; several are counted (the conventions' record id is a single value).
        if (ids is { Count: > 0 })
        {
            activity.SetTag(GenAIConventions.MemoryRecordCount, ids.Count);
            activity.SetTag(GenAIConventions.MemoryRecordId, Single(ids));
        }
    }

    private static void InputMessage(Activity activity, string? text, bool captureContent)
    {
        if (captureContent)
        {
            activity.SetTag(GenAIConventions.InputMessages, Message("user", text, finishReason: null));
        }
    }

    private static void OutputMessage(Activity activity, string? text, bool captureContent)
    {
        if (captureContent)
        {
            activity.SetTag(GenAIConventions.OutputMessages, Message("assistant", text, finishReason: "stop"));
        }
    }

    private static string? Single(IReadOnlyList<string>? ids) => ids is [var id] ? id : null;

    private static string? Text(MessageContent? content)
        => content?.Text ?? (content?.Parts is { } parts
            ? string.Join('\n', parts.Select(static part => part.Text).OfType<string>())
            : null);

    // The conventions' message shape: [{"role":…,"parts":[{"type":"text","content":…}]}], written by hand to stay
    // trimming-safe.
    private static string Message(string role, string? text, string? finishReason)
        => Json(writer =>
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("role", role);
            writer.WriteStartArray("parts");
            writer.WriteStartObject();
            writer.WriteString("type", "text");
            writer.WriteString("content", text);
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (finishReason is not null)
            {
                writer.WriteString("finish_reason", finishReason);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
        });

    // The conventions' record shape: [{"content":…,"id":…,"score":…}].
    private static string Records<T>(IEnumerable<T> items, Func<T, (string? Id, string? Content, double? Score)> read)
        => Json(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                var (id, content, score) = read(item);
                writer.WriteStartObject();
                writer.WriteString("content", content);
                if (id is not null)
                {
                    writer.WriteString("id", id);
                }

                if (score is { } value && double.IsFinite(value))
                {
                    writer.WriteNumber("score", value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
