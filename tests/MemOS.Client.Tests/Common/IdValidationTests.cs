using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests;

public sealed class IdValidationTests
{
    public static TheoryData<string, Func<IMemOSClient, string, Task>> Requests => new()
    {
        { "add/message", (client, id) => client.AddMessageAsync(new AddMessageRequest { UserId = id, ConversationId = "c", Messages = [MemOSMessage.User("hi")] }) },
        { "search/memory", (client, id) => client.SearchMemoryAsync(new SearchMemoryRequest { UserId = id, Query = "q" }) },
        { "get/memory", (client, id) => client.GetMemoryAsync(new GetMemoryRequest { UserId = id }) },
        { "chat", (client, id) => client.ChatAsync(new ChatRequest { UserId = id, Query = "q" }) },
        { "get/message", (client, id) => client.GetMessagesAsync(new GetMessageRequest { UserId = id, ConversationId = "c" }) },
        { "add/feedback", (client, id) => client.AddFeedbackAsync(new AddFeedbackRequest { UserId = id, FeedbackContent = "f" }) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_whitespace_user_id_is_refused_the_same_way_by_every_request(string route, Func<IMemOSClient, string, Task> send)
    {
        await using var server = await LoopbackServer.RespondingWith("{}"u8.ToArray());
        using var client = server.CreateClient();

        var act = () => send(client, "   ");

        (await act.Should().ThrowAsync<ArgumentException>(route)).Which.ParamName.Should().Be("user_id");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_whitespace_conversation_id_is_refused_by_search_as_by_chat()
    {
        await using var server = await LoopbackServer.RespondingWith("{}"u8.ToArray());
        using var client = server.CreateClient();

        var search = () => client.SearchMemoryAsync(new SearchMemoryRequest { UserId = "u", ConversationId = " ", Query = "q" });
        var chat = () => client.ChatAsync(new ChatRequest { UserId = "u", ConversationId = " ", Query = "q" });

        (await search.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith("conversation_id must not be empty or whitespace; leave it null to omit it.");
        (await chat.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith("conversation_id must not be empty or whitespace; leave it null to omit it.");
    }

    [Fact]
    public async Task An_optional_user_id_left_null_is_omitted_as_the_message_says()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();
        string? userId = null;

        await client.AddMessageAsync(new AddMessageRequest { UserId = userId, AgentId = "agent", ConversationId = "c", Messages = [MemOSMessage.User("hi")] });

        server.SingleRequest.BodyText.Should().NotContain("user_id");
    }
}
