using MemOS.Client.Feedback;
using MemOS.Client.Messages;

namespace MemOS.Client.Tests.Contract;

/// <summary>add/message, get/message, add/feedback and get/status on the wire.</summary>
public sealed class MessageContractTests
{
    [Fact]
    public async Task Add_message_sends_the_quick_start_request_and_reads_the_running_task()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/add/message", Fixture.Json("add_message.request.json")), Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.AddMessageAsync("memos_user_123", "0610",
        [
            MemOSMessage.User("I have booked a summer trip to Guangzhou. Which hotel chains are available?"),
            MemOSMessage.Assistant("You can consider 7 Days Inn, Ji Hotel, Hilton, and others."),
            MemOSMessage.User("I choose 7 Days Inn."),
            MemOSMessage.Assistant("Got it. Feel free to ask if you have other questions."),
        ]));

        result.Success.Should().BeTrue();
        result.TaskId.Should().Be("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");
        result.Status.Should().Be(MemOSTaskStatus.Running);
        server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_message_sends_the_documented_request_and_reads_the_messages()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/get/message", Fixture.Json("get_message.request.json")), Fixture.Bytes("get_message.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.GetMessagesAsync(new GetMessageRequest { UserId = "memos_user_123", ConversationId = "0928", MessageLimitNumber = 6 }));

        result.Messages.Should().HaveCount(4);
        result.Messages[2].Role.Should().Be(MessageRole.User);
        result.Messages[2].Content.Should().Be("I’m bringing my kid. My family always travels together.");
        result.Messages[0].CreateTime!.Value.Raw.Should().Be("2025-06-10 09:30:00");
    }

    [Fact]
    public async Task Add_feedback_sends_the_documented_request_and_reads_the_task()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/add/feedback", Fixture.Json("add_feedback.request.json")), Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.AddFeedbackAsync(new AddFeedbackRequest
        {
            UserId = "memos_user_123",
            ConversationId = "memos_feedback_conv",
            FeedbackContent = "No, we are changing the meal allowance for tier-1 cities to 150 yuan/day and accommodation allowance to 700 yuan/day; tier-2 and tier-3 cities remain unchanged.",
            AllowKnowledgeBaseIds = ["basee5ec9050-c964-484f-abf1-ce3e8e2aa5b7"],
        }));

        result.TaskId.Should().Be("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");
        result.Status.Should().Be(MemOSTaskStatus.Running);
    }

    [Fact]
    public async Task Get_status_sends_the_task_id_and_reads_the_memory_views()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/get/status", Fixture.Json("get_status.request.json")), Fixture.Bytes("get_status.response.completed.json"));
        using var client = server.CreateClient();

        var status = await server.Expect(() => client.GetTaskStatusAsync("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9"));

        status.Status.Should().Be(MemOSTaskStatus.Completed);
        status.MemoryViews!.Added.Should().Be(1);
        status.MemoryViews.DetailFactual!.MemoryIds.Should().Equal("memos_mem_001");
    }
}
