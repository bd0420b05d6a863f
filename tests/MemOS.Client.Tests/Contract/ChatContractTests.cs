using System.Text.Json.Nodes;
using MemOS.Client.Chat;

namespace MemOS.Client.Tests.Contract;

/// <summary>The cloud chat route, answered whole and as recorded event streams.</summary>
public sealed class ChatContractTests
{
    [Fact]
    public async Task Chat_sends_every_documented_field_and_reads_the_answer()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/chat", Fixture.Json("chat.request.json")), """{"code":0,"message":"ok","data":{"response":"Try Century Park and the Bund."}}""");
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.ChatAsync(DocsRequests.Chat));

        result.Response.Should().Be("Try Century Park and the Bund.");
    }

    [Fact]
    public async Task A_chat_stream_asks_for_events_and_types_the_recorded_reasoning_text_and_end()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/chat", MinimalStreamRequest()).WithHeader("Accept", new WireMock.Matchers.WildcardMatcher("*text/event-stream*")),
            Fixture.Bytes("chat_stream.assembled.sse"),
            contentType: "text/event-stream");
        using var client = server.CreateClient();

        var events = await server.ExpectAll(client.ChatStreamAsync("memos_user_123", "memos_chat_conv", "Introduce MemOS to me"));

        events.Should().Equal(
            new ChatReasoningDelta("The user asked about MemOS; "),
            new ChatReasoningDelta("summarise what it stores."),
            new ChatTextDelta("MemOS is a memory "),
            new ChatTextDelta("service for AI applications."),
            new ChatStreamEnd());
        server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task The_official_client_mock_stream_ends_on_its_done_sentinel()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/chat", MinimalStreamRequest()), Fixture.Bytes("mocks/chat_stream.pyt.sse"), contentType: "text/event-stream");
        using var client = server.CreateClient();

        var events = await server.ExpectAll(client.ChatStreamAsync("memos_user_123", "memos_chat_conv", "Introduce MemOS to me"));

        events.Should().Equal(new ChatTextDelta("first"), new ChatStreamEnd());
    }

    // The SDK states the answer format explicitly, so the docs' minimal body gains "stream": true.
    private static JsonObject MinimalStreamRequest()
    {
        var body = Fixture.Json("chat.request.minimal.json").AsObject();
        body["stream"] = true;
        return body;
    }
}
