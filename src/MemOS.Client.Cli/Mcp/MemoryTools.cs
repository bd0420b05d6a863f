using System.Collections.Concurrent;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// The MCP tools over one client. Each description says what the tool changes. With a pinned user
/// (<c>memos mcp --user</c>), no tool takes a <c>userId</c>, and memories can be fetched or deleted
/// only by ids a search for that user returned in this session, so a model reaches no other user's data.
/// </summary>
internal sealed class MemoryTools(IMemOSClient client, string? pinnedUser)
{
    private readonly ConcurrentDictionary<string, byte> _pinnedUsersMemories = new(StringComparer.Ordinal);

    public IReadOnlyList<MemoryTool> Create() =>
    [
        new("search_memories",
            "Recall the user's memories (facts and preferences) relevant to a query, most relevant first. Read-only: changes nothing.",
            Annotations(readOnly: true),
            [.. User("The user whose memories to search."), new("query", ToolValueKind.Text, true, "What to recall memories for."), new("conversationId", ToolValueKind.Text, false, "Weigh this conversation's memories higher.")],
            SearchAsync),
        new("add_messages",
            "Write messages of a conversation into the user's memory: MemOS stores them and extracts memories from them asynchronously (the answer's task_id tracks it). Sending the same messages again stores them again.",
            Annotations(readOnly: false),
            [.. User("The user the memories belong to."), new("conversationId", ToolValueKind.Text, true, "The conversation the messages belong to."), new("messages", ToolValueKind.Messages, true, "The messages, oldest first.")],
            AddMessagesAsync),
        new("get_memory",
            "Fetch one memory by the id search_memories returned. Read-only: changes nothing.",
            Annotations(readOnly: true),
            [new("memoryId", ToolValueKind.Text, true, "The memory id, as search_memories returns it.")],
            GetMemoryAsync),
        new("delete_memories",
            "Delete memories by the ids search_memories returned. They are gone for good: this cannot be undone.",
            Annotations(readOnly: false, destructive: true),
            [new("memoryIds", ToolValueKind.TextList, true, "The ids of the memories to delete.")],
            DeleteMemoriesAsync),
        new("add_feedback",
            "Correct the user's memories with feedback in plain words, e.g. \"I no longer live in Beijing\": MemOS changes, adds or removes memories to match, asynchronously.",
            Annotations(readOnly: false, destructive: true),
            [.. User("The user whose memories to correct."), new("feedback", ToolValueKind.Text, true, "The correction in plain words."), new("conversationId", ToolValueKind.Text, false, "The conversation the feedback refers to.")],
            FeedbackAsync),
        new("chat",
            "Answer a question with a MemOS-hosted model that recalls the user's memories first. It also writes the question and the answer into the user's memory, in the conversation given (\"mcp\" when omitted).",
            Annotations(readOnly: false),
            [.. User("The user asking."), new("query", ToolValueKind.Text, true, "The question."), new("conversationId", ToolValueKind.Text, false, "The conversation the turn is written into; \"mcp\" when omitted.")],
            ChatAsync),
    ];

    private ToolParameter[] User(string description) => pinnedUser is null ? [new("userId", ToolValueKind.Text, true, description)] : [];

    private string UserId(ToolArguments arguments) => pinnedUser ?? arguments.Text("userId");

    private static ToolAnnotations Annotations(bool readOnly, bool destructive = false)
        => new() { ReadOnlyHint = readOnly, DestructiveHint = destructive, OpenWorldHint = false };

    private async Task<object> SearchAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var found = await client.SearchMemoryAsync(new SearchMemoryRequest { UserId = UserId(arguments), Query = arguments.Text("query"), ConversationId = arguments.OptionalText("conversationId") }, cancellationToken).ConfigureAwait(false);
        if (pinnedUser is not null)
        {
            foreach (var id in found.Memories.Select(m => m.Id).Concat(found.Preferences.Select(p => p.Id)).OfType<string>())
            {
                _pinnedUsersMemories.TryAdd(id, 0);
            }
        }

        return CliJson.Search(found);
    }

    private async Task<object> AddMessagesAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var added = await client.AddMessageAsync(new AddMessageRequest { UserId = UserId(arguments), ConversationId = arguments.Text("conversationId"), Messages = arguments.Messages("messages") }, cancellationToken).ConfigureAwait(false);
        return new { success = added.Success ?? true, task_id = added.TaskId, status = added.Status?.Value };
    }

    private async Task<object> GetMemoryAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Text("memoryId");
        CheckPinned("memoryId", id);
        return await client.GetMemoryByIdAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<object> DeleteMemoriesAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var ids = arguments.TextList("memoryIds");
        for (var i = 0; i < ids.Count; i++)
        {
            CheckPinned($"memoryIds[{i}]", ids[i]);
        }

        await client.DeleteMemoryAsync(new DeleteMemoryRequest { MemoryIds = ids }, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            _pinnedUsersMemories.TryRemove(id, out _);
        }

        return new { deleted = ids.Count };
    }

    private async Task<object> FeedbackAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await client.AddFeedbackAsync(new AddFeedbackRequest { UserId = UserId(arguments), FeedbackContent = arguments.Text("feedback"), ConversationId = arguments.OptionalText("conversationId") }, cancellationToken).ConfigureAwait(false);
        return new { task_id = result.TaskId, status = result.Status?.Value };
    }

    private async Task<object> ChatAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var answer = await client.ChatAsync(new ChatRequest { UserId = UserId(arguments), ConversationId = arguments.OptionalText("conversationId") ?? "mcp", Query = arguments.Text("query") }, cancellationToken).ConfigureAwait(false);
        return new { answer = answer.Response };
    }

    private void CheckPinned(string argument, string id)
    {
        if (pinnedUser is not null && !_pinnedUsersMemories.ContainsKey(id))
        {
            throw new ToolArgumentException($"'{argument}' '{id}' is not a memory search_memories returned in this session; this server serves user '{pinnedUser}' only, so it fetches and deletes only that user's memories found by a search.");
        }
    }
}
