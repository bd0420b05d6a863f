using System.Text.Json.Nodes;
using MemOS.Client.Chat;
using MemOS.Client.Filters;

namespace MemOS.Client.Tests;

public sealed class ChatTests
{
    private static readonly byte[] Answer = """{"code":0,"message":"ok","data":{"response":"Try Century Park and the Bund."}}"""u8.ToArray();

    [Fact]
    public async Task Every_documented_field_is_sent_exactly()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var client = server.CreateClient();

        var result = await client.ChatAsync(DocsRequests.Chat);

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/chat");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("chat.request.json"));
        result.Response.Should().Be("Try Century Park and the Bund.");
    }

    [Fact]
    public async Task Minimal_request_matches_the_docs_plus_an_explicit_stream_flag()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var client = server.CreateClient();

        await client.ChatAsync("memos_user_123", "memos_chat_conv", "Introduce MemOS to me");

        // The SDK always states stream explicitly, so the answer format never depends on a server default.
        var expected = Fixture.Json("chat.request.minimal.json").AsObject();
        expected["stream"] = false;
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(expected);
    }

    [Fact]
    public async Task Recall_scope_request_is_sent_exactly()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var client = server.CreateClient();

        await client.ChatAsync(new ChatRequest
        {
            UserId = "memos_user_123",
            ConversationId = "0928",
            Query = "Use the knowledge base to summarize travel reimbursement rules.",
            KnowledgeBaseIds = ["kb_xxx"],
            Filter = MemoryFilter.And(MemoryFilter.Contains("tags", "travel"), MemoryFilter.Gte("create_time", "2025-01-01")),
            Relativity = 0.8,
            MemoryLimitNumber = 9,
        });

        var expected = Fixture.Json("chat.request.recall_scope.json").AsObject();
        expected["stream"] = false;
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(expected);
    }

    [Fact]
    public async Task A_raw_json_filter_is_sent_as_given()
    {
        await using var server = await LoopbackServer.RespondingWith(Answer);
        using var client = server.CreateClient();

        await client.ChatAsync(new ChatRequest
        {
            UserId = "u",
            Query = "q",
            Filter = MemoryFilter.FromJson("""{"and":[{"related_id":["memos_agent_1","memos_agent_2"]}]}"""),
        });

        server.SingleRequest.BodyJson!["filter"].ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"and":[{"related_id":["memos_agent_1","memos_agent_2"]}]}"""));
    }

    [Fact]
    public async Task An_answer_without_data_is_an_error_not_an_empty_reply()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok"}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.ChatAsync("u", "c", "q");

        await act.Should().ThrowAsync<MemOSException>().WithMessage("*no data*");
    }
}
