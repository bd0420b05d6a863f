using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Chat;
using MemOS.Client.Filters;
using MemOS.Client.Server;
using WireMock.Matchers;

namespace MemOS.Client.Tests.Contract;

/// <summary>The self-hosted server's <c>/product/*</c> routes on the wire, with a bearer key.</summary>
public sealed class ServerContractTests
{
    private static readonly JsonNode ChatBody = JsonNode.Parse("""{"user_id": "u", "query": "What do I drink?", "threshold": 0.5, "readable_cube_ids": ["cube-1"]}""")!;

    private static ServerChatRequest ChatRequest() => new() { UserId = "u", Query = "What do I drink?", Threshold = 0.5, ReadableCubeIds = ["cube-1"] };

    [Fact]
    public async Task Chat_stream_asks_for_events_and_types_the_recorded_frames_until_the_connection_closes()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/chat/stream", ChatBody).WithHeader("Accept", new WildcardMatcher("*text/event-stream*")),
            Fixture.Bytes("server_chat_stream.assembled.sse"),
            contentType: "text/event-stream");
        using var client = server.CreateServerClient();

        var events = await server.ExpectAll(client.ChatStreamAsync(ChatRequest()));

        events.Should().Equal(
            new ChatStreamStatus("0"),
            new ChatStreamStatus("reasoning"),
            new ChatReasoningDelta("She said tea."),
            new ChatStreamStatus("2"),
            new ChatTextDelta("你喜欢"),
            new ChatTextDelta(" green tea."),
            new ChatStreamEnd());
        server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task Chat_complete_sends_the_chat_request_and_reads_the_codeless_answer()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/chat/complete", ChatBody),
            """{"message": "Chat completed successfully", "data": {"response": "Green tea.", "reasoning": "She said so earlier."}}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.ChatCompleteAsync(ChatRequest()));

        result.Response.Should().Be("Green tea.");
        result.Reasoning.Should().Be("She said so earlier.");
    }

    [Fact]
    public async Task Add_sends_the_messages_and_cubes_and_returns_the_data_as_received()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/add", JsonNode.Parse("""
                {
                  "user_id": "u",
                  "messages": [
                    {"role": "user", "content": "I love green tea.", "chat_time": "2025-01-01 10:00:00"},
                    {"role": "assistant", "content": "Noted."}
                  ],
                  "writable_cube_ids": ["cube-1"],
                  "session_id": "s-1"
                }
                """)!),
            """{"code": 200, "message": "Memory added successfully", "data": [{"memory": "Ann loves green tea.", "memory_id": "mem-1", "memory_type": "UserMemory", "cube_id": "cube-1"}]}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.AddMemoryAsync(new ServerAddMemoryRequest
        {
            UserId = "u",
            Messages = [ServerMessage.User("I love green tea.") with { ChatTime = "2025-01-01 10:00:00" }, ServerMessage.Assistant("Noted.")],
            WritableCubeIds = ["cube-1"],
            SessionId = "s-1",
        }));

        result.Data[0].GetProperty("memory_id").GetString().Should().Be("mem-1");
    }

    [Fact]
    public async Task Search_sends_the_query_and_filter_and_returns_the_data_as_received()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/search", JsonNode.Parse("""
                {
                  "user_id": "u",
                  "query": "drinks",
                  "readable_cube_ids": ["cube-1", "cube-2"],
                  "mode": "mixture",
                  "top_k": 3,
                  "include_preference": true,
                  "filter": {"or": [{"id": "mem-1"}, {"created_at": {"gt": "2024-01-01"}}]}
                }
                """)!),
            """{"code": 200, "message": "Search completed successfully", "data": {"text_mem": [{"cube_id": "cube-1", "memories": [{"id": "mem-1", "memory": "Ann loves green tea."}]}], "pref_mem": []}}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest
        {
            UserId = "u",
            Query = "drinks",
            ReadableCubeIds = ["cube-1", "cube-2"],
            Mode = ServerSearchMode.Mixture,
            TopK = 3,
            IncludePreference = true,
            Filter = MemoryFilter.FromJson("""{"or": [{"id": "mem-1"}, {"created_at": {"gt": "2024-01-01"}}]}"""),
        }));

        result.Data.GetProperty("text_mem")[0].GetProperty("memories")[0].GetProperty("memory").GetString().Should().Be("Ann loves green tea.");
    }

    [Fact]
    public async Task Get_memory_sends_the_cube_and_page()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/get_memory", JsonNode.Parse("""{"mem_cube_id": "cube-1", "user_id": "u", "page": 2, "page_size": 20}""")!),
            """{"code": 200, "message": "Memories retrieved successfully", "data": {"text_mem": [], "total": 0}}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.GetMemoryAsync(new ServerGetMemoryRequest { MemCubeId = "cube-1", UserId = "u", Page = 2, PageSize = 20 }));

        result.Data.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Get_memory_by_id_is_a_get_of_the_id_under_the_route_without_a_body()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerGet("/product/get_memory/mem-1"),
            """{"code": 200, "message": "ok", "data": {"id": "mem-1", "memory": "Ann loves green tea."}}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.GetMemoryByIdAsync("mem-1"));

        server.LogEntries.Single().RequestMessage!.BodyAsBytes.Should().BeNullOrEmpty();
        result.Data.GetProperty("memory").GetString().Should().Be("Ann loves green tea.");
    }

    [Fact]
    public async Task Delete_sends_the_ids_and_cubes_and_keeps_a_null_data()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/delete_memory", JsonNode.Parse("""{"memory_ids": ["mem-1", "mem-2"], "writable_cube_ids": ["cube-1"]}""")!),
            """{"code": 200, "message": "Memories deleted successfully", "data": null}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.DeleteMemoryAsync(new ServerDeleteMemoryRequest { MemoryIds = ["mem-1", "mem-2"], WritableCubeIds = ["cube-1"] }));

        result.Data.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Feedback_sends_the_history_and_memories_and_returns_the_answer()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.ServerPost("/product/feedback", JsonNode.Parse("""
                {"user_id": "u", "feedback_content": "I switched to coffee.", "history": [], "retrieved_memory_ids": ["mem-1"], "writable_cube_ids": ["cube-1"], "session_id": "s-1"}
                """)!),
            """{"code": 200, "message": "Feedback processed successfully", "data": {"answer": "Noted: coffee."}}""");
        using var client = server.CreateServerClient();

        var result = await server.Expect(() => client.AddFeedbackAsync(new ServerFeedbackRequest
        {
            UserId = "u",
            FeedbackContent = "I switched to coffee.",
            History = [],
            RetrievedMemoryIds = ["mem-1"],
            WritableCubeIds = ["cube-1"],
            SessionId = "s-1",
        }));

        result.Data.GetProperty("answer").GetString().Should().Be("Noted: coffee.");
    }
}
