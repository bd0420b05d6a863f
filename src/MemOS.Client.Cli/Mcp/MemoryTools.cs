using System.Collections.Concurrent;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// The MCP tools over one client. Names follow the MemOS routes in snake case, singular, as MemTensor's
/// own MCP server and the SDK's Microsoft.Extensions.AI tools (<c>search_memory</c>, <c>add_memory</c>) name
/// theirs; arguments are camel case. Each description says what the tool changes. With a pinned user
/// (<c>memos mcp --user</c>, or a token mapped to a user), no tool takes a <c>userId</c>, memories can be
/// fetched or deleted only by ids a search for that user returned, and knowledge bases can be read or
/// changed only when this user created them through this server, so a model reaches no other user's data.
/// </summary>
internal sealed class MemoryTools(IMemOSClient client, Uri service, string? pinnedUser)
{
    /// <summary>Memories a search returns when the assistant does not say, as MemTensor's MCP server does.</summary>
    public const int DefaultMemoryLimit = 6;

    private const int MaxPage = 10_000;
    private const string FoundMemory = "a memory search_memory returned for this user";

    private readonly ConcurrentDictionary<string, byte> _pinnedUsersMemories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _pinnedUsersKnowledgeBases = new(StringComparer.Ordinal);

    public IReadOnlyList<MemoryTool> Create() =>
    [
        Tool("search_memory",
            "Recall the user's memories (facts and preferences) relevant to a query, most relevant first. Read-only: "
                + "changes nothing.",
            Annotations(readOnly: true),
            [
                .. User("The user whose memories to search."),
                new("query", ToolValueKind.Text, true, "What to recall memories for."),
                new(
                    "memoryLimitNumber",
                    ToolValueKind.Count,
                    false,
                    $"At most this many memories ({DefaultMemoryLimit} when omitted); fewer come back when fewer are "
                        + "relevant.",
                    MemOSLimits.MaxRecallLimit),
                new("conversationId", ToolValueKind.Text, false, "Weigh this conversation's memories higher."),
            ],
            SearchAsync),
        Tool("add_message",
            "Write messages of a conversation into the user's memory: MemOS stores them and extracts memories from "
                + "them asynchronously (the answer's task_id tracks it). Sending the same messages again stores them "
                + "again.",
            Annotations(readOnly: false),
            [.. User("The user the memories belong to."), new(
                "conversationId",
                ToolValueKind.Text,
                true,
                "The conversation the messages belong to."), new(
                    "messages",
                    ToolValueKind.Messages,
                    true,
                    "The messages, oldest first.")],
            AddMessageAsync),
        Tool("get_message",
            "Read back the raw messages of one of the user's conversations, as add_message stored them. Read-only: "
                + "changes nothing.",
            Annotations(readOnly: true),
            [
                .. User("The user whose conversation to read."),
                new("conversationId", ToolValueKind.Text, true, "The conversation."),
                new(
                    "messageLimitNumber",
                    ToolValueKind.Count,
                    false,
                    "At most this many of the latest messages; the service's default when omitted.",
                    MemOSLimits.MaxPageSize),
            ],
            GetMessageAsync),
        Tool("get_memory",
            "Fetch one memory by the id search_memory returned. Read-only: changes nothing.",
            Annotations(readOnly: true),
            [new("memoryId", ToolValueKind.Text, true, "The memory id, as search_memory returns it.")],
            GetMemoryAsync),
        Tool("delete_memory",
            "Delete memories by the ids search_memory returned. They are gone for good: this cannot be undone.",
            Annotations(readOnly: false, destructive: true),
            [new("memoryIds", ToolValueKind.TextList, true, "The ids of the memories to delete.")],
            DeleteMemoryAsync),
        Tool("add_feedback",
            "Correct the user's memories with feedback in plain words, e.g. \"I no longer live in Beijing\": MemOS "
                + "changes, adds or removes memories to match, asynchronously.",
            Annotations(readOnly: false, destructive: true),
            [.. User("The user whose memories to correct."), new(
                "feedback",
                ToolValueKind.Text,
                true,
                "The correction in plain words."), new(
                    "conversationId",
                    ToolValueKind.Text,
                    false,
                    "The conversation the feedback refers to.")],
            FeedbackAsync),
        Tool("get_profile",
            "Read the user's profile: the fields MemOS keeps about them (e.g. name, job, preferences) under the "
                + "project's profile templates. Read-only: changes nothing.",
            Annotations(readOnly: true),
            [.. User("The user whose profile to read.")],
            GetProfileAsync),
        Tool("chat",
            "Answer a question with a MemOS-hosted model that recalls the user's memories first. It also writes the "
                + "question and the answer into the user's memory, in the conversation given (\"mcp\" when omitted).",
            Annotations(readOnly: false),
            [.. User("The user asking."), new("query", ToolValueKind.Text, true, "The question."), new(
                "conversationId",
                ToolValueKind.Text,
                false,
                "The conversation the turn is written into; \"mcp\" when omitted.")],
            ChatAsync),
        Tool("create_knowledgebase",
            "Create a knowledge base: a collection of documents that searches can draw on, shared by the whole MemOS "
                + "project. Answers its id.",
            Annotations(readOnly: false),
            [new("knowledgebaseName", ToolValueKind.Text, true, "Its name."), new(
                "knowledgebaseDescription",
                ToolValueKind.Text,
                false,
                "What it holds.")],
            CreateKnowledgeBaseAsync),
        Tool("add_knowledgebase_file",
            "Add a document to a knowledge base by its public URL; MemOS fetches and indexes it asynchronously (the "
                + "answer's status tracks it).",
            Annotations(readOnly: false),
            [.. KnowledgeBase(), new(
                "fileUrl",
                ToolValueKind.Text,
                true,
                "The document's public http or https URL."), new(
                    "fileName",
                    ToolValueKind.Text,
                    false,
                    "Its name; taken from the URL when omitted.")],
            AddKnowledgeBaseFileAsync),
        Tool("get_knowledgebase_file",
            "List one page of a knowledge base's documents with their ids and processing status. Read-only: changes "
                + "nothing.",
            Annotations(readOnly: true),
            [.. KnowledgeBase(), new(
                "page",
                ToolValueKind.Count,
                false,
                "The page, from 1 (the first when omitted).",
                MaxPage)],
            GetKnowledgeBaseFileAsync),
        Tool("delete_knowledgebase_file",
            "Delete documents from a knowledge base by the ids get_knowledgebase_file lists. They are gone for good: "
                + "this cannot be undone.",
            Annotations(readOnly: false, destructive: true),
            [.. KnowledgeBase(), new("fileIds", ToolValueKind.TextList, true, "The ids of the documents to delete.")],
            DeleteKnowledgeBaseFileAsync),
        Tool("delete_knowledgebase",
            "Remove a knowledge base and all its documents from the project. This cannot be undone.",
            Annotations(readOnly: false, destructive: true),
            [.. KnowledgeBase()],
            DeleteKnowledgeBaseAsync),
    ];

    private MemoryTool Tool(
        string name,
        string description,
        ToolAnnotations annotations,
        IReadOnlyList<ToolParameter> parameters,
        Func<ToolArguments, CancellationToken, Task<object>> call)
        => new(name, description, annotations, parameters, call, service);

    private ToolParameter[] User(string description)
        => pinnedUser is null ? [new("userId", ToolValueKind.Text, true, description)] : [];

    private static ToolParameter[] KnowledgeBase() => [new(
        "knowledgebaseId",
        ToolValueKind.Text,
        true,
        "The knowledge base's id, as create_knowledgebase answered it.")];

    private string UserId(ToolArguments arguments) => pinnedUser ?? arguments.Text("userId");

    private static ToolAnnotations Annotations(bool readOnly, bool destructive = false)
        => new() { ReadOnlyHint = readOnly, DestructiveHint = destructive, OpenWorldHint = false };

    private async Task<object> SearchAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var found = await client.SearchMemoryAsync(
            new SearchMemoryRequest
            {
                UserId = UserId(arguments),
                Query = arguments.Text("query"),
                ConversationId = arguments.OptionalText("conversationId"),
                MemoryLimitNumber = arguments.OptionalCount("memoryLimitNumber") ?? DefaultMemoryLimit,
            },
            cancellationToken).ConfigureAwait(false);
        if (pinnedUser is not null)
        {
            foreach (var id in found.Memories.Select(m => m.Id).Concat(found.Preferences.Select(p => p.Id))
                .OfType<string>())
            {
                _pinnedUsersMemories.TryAdd(id, 0);
            }
        }

        return CliJson.Search(found);
    }

    private async Task<object> AddMessageAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var added = await client.AddMessageAsync(new AddMessageRequest
        {
            UserId = UserId(arguments),
            ConversationId = arguments.Text("conversationId"),
            Messages = arguments.Messages("messages"),
        }, cancellationToken).ConfigureAwait(false);
        return new { success = added.Success ?? true, task_id = added.TaskId, status = added.Status?.Value };
    }

    private async Task<object> GetMessageAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var read = await client.GetMessagesAsync(new GetMessageRequest
        {
            UserId = UserId(arguments),
            ConversationId = arguments.Text("conversationId"),
            MessageLimitNumber = arguments.OptionalCount("messageLimitNumber"),
        }, cancellationToken).ConfigureAwait(false);
        return new { messages = read.Messages };
    }

    private async Task<object> GetMemoryAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Text("memoryId");
        CheckPinned(_pinnedUsersMemories, "memoryId", id, FoundMemory);
        return await client.GetMemoryByIdAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<object> DeleteMemoryAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var ids = arguments.TextList("memoryIds");
        for (var i = 0; i < ids.Count; i++)
        {
            CheckPinned(_pinnedUsersMemories, $"memoryIds[{i}]", ids[i], FoundMemory);
        }

        await client.DeleteMemoryAsync(new DeleteMemoryRequest
        {
            MemoryIds = ids,
        }, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            _pinnedUsersMemories.TryRemove(id, out _);
        }

        return new { deleted = ids.Count };
    }

    private async Task<object> FeedbackAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var result = await client.AddFeedbackAsync(new AddFeedbackRequest
        {
            UserId = UserId(arguments),
            FeedbackContent = arguments.Text("feedback"),
            ConversationId = arguments.OptionalText("conversationId"),
        }, cancellationToken).ConfigureAwait(false);
        return new { task_id = result.TaskId, status = result.Status?.Value };
    }

    private async Task<object> GetProfileAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var read = await client.GetMemoryAsync(new GetMemoryRequest
        {
            UserId = UserId(arguments),
            IncludeMemoryView = [MemoryView.Profile],
        }, cancellationToken).ConfigureAwait(false);
        return new
        {
            profiles = read.Profiles.Select(p => new { template_id = p.ProfileTemplateId, fields = p.Properties }),
        };
    }

    private async Task<object> ChatAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var answer = await client.ChatAsync(new ChatRequest
        {
            UserId = UserId(arguments),
            ConversationId = arguments.OptionalText("conversationId") ?? "mcp",
            Query = arguments.Text("query"),
        }, cancellationToken).ConfigureAwait(false);
        return new { answer = answer.Response };
    }

    private async Task<object> CreateKnowledgeBaseAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var created = await client.CreateKnowledgeBaseAsync(new CreateKnowledgeBaseRequest
        {
            KnowledgeBaseName = arguments.Text("knowledgebaseName"),
            KnowledgeBaseDescription = arguments.OptionalText("knowledgebaseDescription"),
        }, cancellationToken).ConfigureAwait(false);
        if (pinnedUser is not null && created.Id is { } id)
        {
            _pinnedUsersKnowledgeBases.TryAdd(id, 0);
        }

        return new { knowledgebase_id = created.Id };
    }

    private async Task<object> AddKnowledgeBaseFileAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var url = arguments.Text("fileUrl");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ToolArgumentException($"'fileUrl' must be an absolute http or https URL, not '{url}'.");
        }

        var added = await client.AddKnowledgeBaseFileAsync(new AddKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = PinnedKnowledgeBase(arguments),
            Files = [new KnowledgeBaseFileInput { Content = url, Name = arguments.OptionalText("fileName") }],
        }, cancellationToken).ConfigureAwait(false);
        return new { files = added };
    }

    private async Task<object> GetKnowledgeBaseFileAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var page = await client.GetKnowledgeBaseFileAsync(new GetKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = PinnedKnowledgeBase(arguments),
            Page = arguments.OptionalCount("page") ?? 1,
        }, cancellationToken).ConfigureAwait(false);
        return new { files = page.Files, total = page.Total, page = page.Page, page_size = page.PageSize };
    }

    private async Task<object> DeleteKnowledgeBaseFileAsync(
        ToolArguments arguments,
        CancellationToken cancellationToken)
    {
        var ids = arguments.TextList("fileIds");
        await client.DeleteKnowledgeBaseFileAsync(new DeleteKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = PinnedKnowledgeBase(arguments),
            FileIds = ids,
        }, cancellationToken).ConfigureAwait(false);
        return new { deleted = ids.Count };
    }

    private async Task<object> DeleteKnowledgeBaseAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var id = PinnedKnowledgeBase(arguments);
        await client.DeleteKnowledgeBaseAsync(id, cancellationToken).ConfigureAwait(false);
        _pinnedUsersKnowledgeBases.TryRemove(id, out _);
        return new { deleted = id };
    }

    private string PinnedKnowledgeBase(ToolArguments arguments)
    {
        var id = arguments.Text("knowledgebaseId");
        CheckPinned(
            _pinnedUsersKnowledgeBases,
            "knowledgebaseId",
            id,
            "a knowledge base this user created through this server");
        return id;
    }

    private void CheckPinned(ConcurrentDictionary<string, byte> reached, string argument, string id, string how)
    {
        if (pinnedUser is not null && !reached.ContainsKey(id))
        {
            throw new ToolArgumentException($"'{argument}' '{id}' is not {how}; this server serves user '{pinnedUser}' "
                + "only, so it reaches only that user's data.");
        }
    }
}
