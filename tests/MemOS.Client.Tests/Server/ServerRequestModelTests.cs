using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Filters;
using MemOS.Client.Server;

namespace MemOS.Client.Tests;

/// <summary>
/// The self-hosted server parses each body with its own pydantic model and silently drops keys it
/// does not know, so each request record must send the model's wire names with the model's JSON
/// types. The field lists below are copied from those models (product_models.py of the server);
/// each "every field" test checks the body against them key for key.
/// </summary>
public sealed class ServerRequestModelTests
{
    private static readonly string[] AddFields =
    [
        "user_id", "session_id", "task_id", "manager_user_id", "project_id", "writable_cube_ids", "async_mode", "mode",
        "custom_tags", "info", "messages", "chat_history", "is_feedback", "is_upload_skill",
        "mem_cube_id", "memory_content", "doc_path", "source", "operation",
    ];

    private static readonly string[] SearchFields =
    [
        "query", "user_id", "readable_cube_ids", "mode", "session_id", "top_k", "relativity", "dedup", "rerank", "pref_top_k",
        "include_preference", "search_tool_memory", "tool_mem_top_k", "include_skill_memory", "skill_mem_top_k", "context_format",
        "filter", "internet_search", "threshold", "search_memory_type", "reference_time", "chat_history", "mem_cube_id", "moscube",
        "operation", "source", "neighbor_discovery",
    ];

    private static readonly string[] GetFields =
        ["mem_cube_id", "user_id", "include_preference", "include_tool_memory", "include_skill_memory", "filter", "page", "page_size"];

    private static readonly string[] DeleteFields =
        ["writable_cube_ids", "memory_ids", "file_ids", "filter", "user_id", "session_id", "conversation_id", "auto_cleanup_working"];

    private static readonly string[] FeedbackFields =
    [
        "user_id", "session_id", "task_id", "history", "retrieved_memory_ids", "feedback_content", "feedback_time",
        "writable_cube_ids", "async_mode", "corrected_answer", "info", "mem_cube_id",
    ];

    private static readonly string[] ChatCompleteFields =
    [
        "user_id", "query", "readable_cube_ids", "writable_cube_ids", "history", "mode", "system_prompt", "top_k", "session_id",
        "include_preference", "pref_top_k", "model_name_or_path", "max_tokens", "temperature", "top_p", "add_message_on_answer",
        "manager_user_id", "project_id", "relativity", "filter", "internet_search", "threshold", "mem_cube_id", "moscube",
    ];

    private const string Ok = """{"code": 200, "message": "ok", "data": null}""";

    private const string ChatAnswer = """{"message": "Chat completed successfully", "data": {"response": "Green tea.", "reasoning": null}}""";

    private static async Task<RecordedRequest> Sent(Func<MemOSServerClient, Task> call, string answer = Ok)
    {
        await using var server = await LoopbackServer.RespondingWith(Encoding.UTF8.GetBytes(answer));
        using var client = server.CreateServerClient();
        await call(client);
        return server.SingleRequest;
    }

    private static IEnumerable<string> Keys(RecordedRequest request) => request.BodyJson!.AsObject().Select(property => property.Key);

    private static void ShouldBe(RecordedRequest sent, string path, string expectedJson)
    {
        sent.Path.Should().Be(path);
        sent.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse(expectedJson));
    }

    private static MemOSServerClient Unreachable() => new(new MemOSServerClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/") });

    [Fact]
    public async Task An_add_with_every_field_sends_every_key_of_the_servers_add_model()
    {
        var request = new ServerAddMemoryRequest
        {
            UserId = "u",
            Messages = [ServerMessage.User("I moved to Lyon.") with { ChatTime = "2025-03-01 09:00:00" }],
            SessionId = "s-1",
            TaskId = "task-1",
            ManagerUserId = "manager-1",
            ProjectId = "project-1",
            WritableCubeIds = ["cube-1"],
            AsyncMode = ServerAsyncMode.Sync,
            Mode = ServerAddMode.Fine,
            Tags = ["travel", "family"],
            Info = new Dictionary<string, InfoValue> { ["source_type"] = "web", ["topics"] = new[] { "home", "city" }, ["priority"] = 2 },
            ChatHistory = [ServerMessage.User("Where do I live?"), ServerMessage.Assistant("In Paris.")],
            IsFeedback = false,
            IsUploadSkill = false,
        };
#pragma warning disable CS0618 // The deprecated fields must still reach the wire when set.
        request = request with
        {
            MemCubeId = "cube-legacy",
            MemoryContent = "Lives in Lyon.",
            DocPath = "/data/notes.txt",
            Source = "import",
            Operation = [new ServerCubeOperation { MemCubeId = "cube-1", Permissions = ["read", "write"] }],
        };
#pragma warning restore CS0618

        var sent = await Sent(client => client.AddMemoryAsync(request));

        ShouldBe(sent, "/product/add", """
            {
              "user_id": "u",
              "messages": [{"role": "user", "content": "I moved to Lyon.", "chat_time": "2025-03-01 09:00:00"}],
              "session_id": "s-1",
              "task_id": "task-1",
              "manager_user_id": "manager-1",
              "project_id": "project-1",
              "writable_cube_ids": ["cube-1"],
              "async_mode": "sync",
              "mode": "fine",
              "custom_tags": ["travel", "family"],
              "info": {"source_type": "web", "topics": ["home", "city"], "priority": 2},
              "chat_history": [{"role": "user", "content": "Where do I live?"}, {"role": "assistant", "content": "In Paris."}],
              "is_feedback": false,
              "is_upload_skill": false,
              "mem_cube_id": "cube-legacy",
              "memory_content": "Lives in Lyon.",
              "doc_path": "/data/notes.txt",
              "source": "import",
              "operation": [{"mem_cube_id": "cube-1", "permissions": ["read", "write"]}]
            }
            """);
        Keys(sent).Should().BeEquivalentTo(AddFields);
    }

    [Fact]
    public async Task An_add_with_nothing_optional_sends_only_the_user_and_the_messages()
    {
        // The server's model makes every field optional; the SDK requires the two without which there is nothing to write.
        var sent = await Sent(client => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("Hi.")] }));

        ShouldBe(sent, "/product/add", """{"user_id": "u", "messages": [{"role": "user", "content": "Hi."}]}""");
    }

    [Fact]
    public async Task A_search_with_every_field_sends_every_key_of_the_servers_search_model()
    {
        var request = new ServerSearchMemoryRequest
        {
            UserId = "u",
            Query = "Where do I live?",
            ReadableCubeIds = ["cube-1", "cube-2"],
            Mode = ServerSearchMode.Fine,
            SessionId = "s-1",
            TopK = 7,
            Relativity = 0.3,
            Dedup = ServerDedupMode.Similarity,
            Rerank = false,
            PrefTopK = 0,
            IncludePreference = false,
            IncludeToolMemory = false,
            ToolMemoryTopK = 2,
            IncludeSkillMemory = true,
            SkillMemoryTopK = 1,
            ContextFormat = "memory",
            Filter = MemoryFilter.FromJson("""{"and": [{"created_at": {"gt": "2024-01-01"}}]}"""),
            InternetSearch = true,
            Threshold = 0.25,
            SearchMemoryType = "LongTermMemory",
            ReferenceTime = "2025-03-01 09:00:00",
            ChatHistory = [ServerMessage.User("I moved last week.")],
            Source = "plugin-x",
            NeighborDiscovery = true,
        };
#pragma warning disable CS0618 // The deprecated fields must still reach the wire when set.
        request = request with
        {
            MemCubeId = "cube-legacy",
            Moscube = false,
            Operation = [new ServerCubeOperation { MemCubeId = "cube-1", Permissions = ["read"] }],
        };
#pragma warning restore CS0618

        var sent = await Sent(client => client.SearchMemoryAsync(request));

        ShouldBe(sent, "/product/search", """
            {
              "user_id": "u",
              "query": "Where do I live?",
              "readable_cube_ids": ["cube-1", "cube-2"],
              "mode": "fine",
              "session_id": "s-1",
              "top_k": 7,
              "relativity": 0.3,
              "dedup": "sim",
              "rerank": false,
              "pref_top_k": 0,
              "include_preference": false,
              "search_tool_memory": false,
              "tool_mem_top_k": 2,
              "include_skill_memory": true,
              "skill_mem_top_k": 1,
              "context_format": "memory",
              "filter": {"and": [{"created_at": {"gt": "2024-01-01"}}]},
              "internet_search": true,
              "threshold": 0.25,
              "search_memory_type": "LongTermMemory",
              "reference_time": "2025-03-01 09:00:00",
              "chat_history": [{"role": "user", "content": "I moved last week."}],
              "source": "plugin-x",
              "neighbor_discovery": true,
              "mem_cube_id": "cube-legacy",
              "moscube": false,
              "operation": [{"mem_cube_id": "cube-1", "permissions": ["read"]}]
            }
            """);
        Keys(sent).Should().BeEquivalentTo(SearchFields);
    }

    [Fact]
    public async Task A_search_with_nothing_optional_sends_only_the_user_and_the_query()
    {
        var sent = await Sent(client => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" }));

        ShouldBe(sent, "/product/search", """{"user_id": "u", "query": "q"}""");
    }

    [Fact]
    public async Task The_servers_exact_text_dedup_is_reached_by_an_explicit_null_in_the_additional_properties()
    {
        var request = new ServerSearchMemoryRequest
        {
            UserId = "u",
            Query = "q",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["dedup"] = JsonDocument.Parse("null").RootElement.Clone() },
        };

        var sent = await Sent(client => client.SearchMemoryAsync(request));

        ShouldBe(sent, "/product/search", """{"user_id": "u", "query": "q", "dedup": null}""");
    }

    [Fact]
    public async Task A_get_with_every_field_sends_every_key_of_the_servers_get_model()
    {
        var request = new ServerGetMemoryRequest
        {
            MemCubeId = "cube-1",
            UserId = "u",
            IncludePreference = false,
            IncludeToolMemory = false,
            IncludeSkillMemory = true,
            Filter = MemoryFilter.FromJson("""{"and": [{"id": "mem-1"}]}"""),
            Page = 2,
            PageSize = 50,
        };

        var sent = await Sent(client => client.GetMemoryAsync(request));

        ShouldBe(sent, "/product/get_memory", """
            {
              "mem_cube_id": "cube-1",
              "user_id": "u",
              "include_preference": false,
              "include_tool_memory": false,
              "include_skill_memory": true,
              "filter": {"and": [{"id": "mem-1"}]},
              "page": 2,
              "page_size": 50
            }
            """);
        Keys(sent).Should().BeEquivalentTo(GetFields);
    }

    [Fact]
    public async Task A_get_with_nothing_optional_sends_only_the_cube()
    {
        var sent = await Sent(client => client.GetMemoryAsync(new ServerGetMemoryRequest { MemCubeId = "cube-1" }));

        ShouldBe(sent, "/product/get_memory", """{"mem_cube_id": "cube-1"}""");
    }

    [Fact]
    public async Task Deletes_in_each_of_the_three_modes_together_send_every_key_of_the_servers_delete_model()
    {
        // The server takes exactly one delete mode per request, so every field needs three requests.
        var byIds = await Sent(client => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest
        {
            MemoryIds = ["mem-1"],
            WritableCubeIds = ["cube-1"],
            AutoCleanupWorking = true,
        }));
        var byFiles = await Sent(client => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { FileIds = ["file-1"], WritableCubeIds = ["cube-1"] }));
        var byFilter = new ServerDeleteMemoryRequest
        {
            Filter = MemoryFilter.FromJson("""{"and": [{"created_at": {"lt": "2024-01-01"}}]}"""),
            UserId = "u",
            SessionId = "s-1",
            WritableCubeIds = ["cube-1"],
        };
#pragma warning disable CS0618 // The deprecated alias must still reach the wire when set.
        byFilter = byFilter with { ConversationId = "s-1" };
#pragma warning restore CS0618
        var byFilterSent = await Sent(client => client.DeleteMemoryAsync(byFilter));

        ShouldBe(byIds, "/product/delete_memory", """{"memory_ids": ["mem-1"], "writable_cube_ids": ["cube-1"], "auto_cleanup_working": true}""");
        ShouldBe(byFiles, "/product/delete_memory", """{"file_ids": ["file-1"], "writable_cube_ids": ["cube-1"]}""");
        ShouldBe(byFilterSent, "/product/delete_memory", """
            {
              "filter": {"and": [{"created_at": {"lt": "2024-01-01"}}]},
              "user_id": "u",
              "session_id": "s-1",
              "conversation_id": "s-1",
              "writable_cube_ids": ["cube-1"]
            }
            """);
        Keys(byIds).Concat(Keys(byFiles)).Concat(Keys(byFilterSent)).Distinct().Should().BeEquivalentTo(DeleteFields);
    }

    [Fact]
    public async Task A_delete_with_nothing_optional_sends_only_its_mode()
    {
        var byIds = await Sent(client => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["mem-1"] }));
        var byUser = await Sent(client => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { UserId = "u" }));

        ShouldBe(byIds, "/product/delete_memory", """{"memory_ids": ["mem-1"]}""");
        ShouldBe(byUser, "/product/delete_memory", """{"user_id": "u"}""");
    }

    [Fact]
    public async Task A_feedback_with_every_field_sends_every_key_of_the_servers_feedback_model()
    {
        var request = new ServerFeedbackRequest
        {
            UserId = "u",
            FeedbackContent = "I moved to Lyon, not Lille.",
            History = [ServerMessage.User("Where do I live?"), ServerMessage.Assistant("In Lille.")],
            SessionId = "s-1",
            TaskId = "task-1",
            RetrievedMemoryIds = ["mem-1"],
            FeedbackTime = "2025-03-01 09:05:00",
            WritableCubeIds = ["cube-1"],
            AsyncMode = ServerAsyncMode.Async,
            CorrectedAnswer = true,
            Info = new Dictionary<string, InfoValue> { ["app_id"] = "app-1" },
        };
#pragma warning disable CS0618 // The deprecated field must still reach the wire when set.
        request = request with { MemCubeId = "cube-legacy" };
#pragma warning restore CS0618

        var sent = await Sent(client => client.AddFeedbackAsync(request));

        ShouldBe(sent, "/product/feedback", """
            {
              "user_id": "u",
              "feedback_content": "I moved to Lyon, not Lille.",
              "history": [{"role": "user", "content": "Where do I live?"}, {"role": "assistant", "content": "In Lille."}],
              "session_id": "s-1",
              "task_id": "task-1",
              "retrieved_memory_ids": ["mem-1"],
              "feedback_time": "2025-03-01 09:05:00",
              "writable_cube_ids": ["cube-1"],
              "async_mode": "async",
              "corrected_answer": true,
              "info": {"app_id": "app-1"},
              "mem_cube_id": "cube-legacy"
            }
            """);
        Keys(sent).Should().BeEquivalentTo(FeedbackFields);
    }

    [Fact]
    public async Task A_feedback_with_nothing_optional_sends_only_the_user_the_content_and_the_history()
    {
        var sent = await Sent(client => client.AddFeedbackAsync(new ServerFeedbackRequest { UserId = "u", FeedbackContent = "Wrong city.", History = [] }));

        ShouldBe(sent, "/product/feedback", """{"user_id": "u", "feedback_content": "Wrong city.", "history": []}""");
    }

    [Fact]
    public async Task A_chat_complete_with_every_field_sends_every_key_of_the_servers_chat_complete_model()
    {
        var request = new ServerChatRequest
        {
            UserId = "u",
            Query = "Where do I live?",
            ReadableCubeIds = ["cube-1"],
            WritableCubeIds = ["cube-2"],
            History = [ServerMessage.User("I moved.") with { Name = "Ann", MessageId = "msg-1" }],
            Mode = ServerSearchMode.Mixture,
            SystemPrompt = "Be brief.",
            TopK = 4,
            SessionId = "s-1",
            IncludePreference = true,
            PrefTopK = 2,
            ModelNameOrPath = "qwen3-8b",
            MaxTokens = 256,
            Temperature = 0.7,
            TopP = 0.95,
            AddMessageOnAnswer = false,
            ManagerUserId = "manager-1",
            ProjectId = "project-1",
            Relativity = 0.1,
            Filter = MemoryFilter.FromJson("""{"or": [{"id": "mem-1"}, {"id": "mem-2"}]}"""),
            InternetSearch = false,
            Threshold = 0.4,
        };
#pragma warning disable CS0618 // The deprecated fields must still reach the wire when set.
        request = request with { MemCubeId = "cube-legacy", Moscube = false };
#pragma warning restore CS0618

        var sent = await Sent(client => client.ChatCompleteAsync(request), ChatAnswer);

        ShouldBe(sent, "/product/chat/complete", """
            {
              "user_id": "u",
              "query": "Where do I live?",
              "readable_cube_ids": ["cube-1"],
              "writable_cube_ids": ["cube-2"],
              "history": [{"role": "user", "content": "I moved.", "name": "Ann", "message_id": "msg-1"}],
              "mode": "mixture",
              "system_prompt": "Be brief.",
              "top_k": 4,
              "session_id": "s-1",
              "include_preference": true,
              "pref_top_k": 2,
              "model_name_or_path": "qwen3-8b",
              "max_tokens": 256,
              "temperature": 0.7,
              "top_p": 0.95,
              "add_message_on_answer": false,
              "manager_user_id": "manager-1",
              "project_id": "project-1",
              "relativity": 0.1,
              "filter": {"or": [{"id": "mem-1"}, {"id": "mem-2"}]},
              "internet_search": false,
              "threshold": 0.4,
              "mem_cube_id": "cube-legacy",
              "moscube": false
            }
            """);
        Keys(sent).Should().BeEquivalentTo(ChatCompleteFields);
    }

    [Fact]
    public async Task A_chat_complete_with_nothing_optional_sends_only_the_user_and_the_query()
    {
        var sent = await Sent(client => client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "q" }), ChatAnswer);

        ShouldBe(sent, "/product/chat/complete", """{"user_id": "u", "query": "q"}""");
    }

    [Fact]
    public async Task An_add_mode_without_sync_mode_is_refused_because_the_server_would_drop_it()
    {
        using var client = Unreachable();

        await FluentActions.Invoking(() => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("Hi.")], Mode = ServerAddMode.Fast }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*mode 'fast'*synchronous*ServerAsyncMode.Sync*");
        await FluentActions.Invoking(() => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("Hi.")], Mode = ServerAddMode.Fast, AsyncMode = ServerAsyncMode.Async }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*synchronous*");
    }

    [Fact]
    public async Task A_delete_that_mixes_modes_or_contradicts_itself_is_refused_before_sending()
    {
        using var client = Unreachable();

        await FluentActions.Invoking(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["mem-1"], FileIds = ["file-1"] }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*exactly one of memory_ids, file_ids or a filter*");
        await FluentActions.Invoking(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["mem-1"], UserId = "u" }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*exactly one*");
        await FluentActions.Invoking(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = [] }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*at least one id*");
        await FluentActions.Invoking(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { UserId = "u", AutoCleanupWorking = true }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*auto_cleanup_working*memory_ids*");
#pragma warning disable CS0618 // The deprecated alias is what is being checked.
        var contradiction = new ServerDeleteMemoryRequest { SessionId = "s-1", ConversationId = "s-2" };
#pragma warning restore CS0618
        await FluentActions.Invoking(() => client.DeleteMemoryAsync(contradiction))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*session_id and conversation_id*equal*");
    }

    [Fact]
    public async Task Negative_search_counts_are_refused_before_sending()
    {
        using var client = Unreachable();

        await FluentActions.Invoking(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q", PrefTopK = -1 }))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*pref_top_k*");
        await FluentActions.Invoking(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q", ToolMemoryTopK = -1 }))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*tool_mem_top_k*");
        await FluentActions.Invoking(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q", SkillMemoryTopK = -1 }))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*skill_mem_top_k*");
    }

    [Fact]
    public async Task Open_enum_values_the_sdk_does_not_know_are_sent_as_given()
    {
        var sent = await Sent(client => client.AddMemoryAsync(new ServerAddMemoryRequest
        {
            UserId = "u",
            Messages = [ServerMessage.User("Hi.")],
            AsyncMode = "sync",
            Mode = new ServerAddMode("turbo"),
        }));

        ShouldBe(sent, "/product/add", """{"user_id": "u", "messages": [{"role": "user", "content": "Hi."}], "async_mode": "sync", "mode": "turbo"}""");
    }
}
