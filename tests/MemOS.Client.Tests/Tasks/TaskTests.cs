using MemOS.Client.Feedback;
using MemOS.Client.Messages;
using MemOS.Client.Tasks;

namespace MemOS.Client.Tests;

public sealed class TaskTests
{
    private static Task<LoopbackServer> StatusSequence(params string[] fixtures)
    {
        var calls = 0;
        return LoopbackServer.StartAsync(context =>
        {
            var index = Math.Min(Interlocked.Increment(ref calls) - 1, fixtures.Length - 1);
            return Respond.Bytes(context, Fixture.Bytes(fixtures[index]));
        });
    }

    [Fact]
    public async Task Get_status_sends_the_task_id_and_parses_memory_views()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("get_status.response.completed.json"));
        using var client = server.CreateClient();

        var status = await client.GetTaskStatusAsync("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/get/status");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("get_status.request.json"));
        status.Status.Should().Be(MemOSTaskStatus.Completed);
        status.MemoryViews!.Added.Should().Be(1);
        status.MemoryViews.Updated.Should().Be(1);
        status.MemoryViews.Deleted.Should().Be(0);
        status.MemoryViews.DetailFactual!.MemoryIds.Should().Equal("memos_mem_001");
        status.MemoryViews.Preference!.MemoryIds.Should().Equal("memos_mem_002");
    }

    [Fact]
    public async Task A_failed_status_is_an_answer_not_an_error()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("get_status.response.failed.json"));
        using var client = server.CreateClient();

        var status = await client.GetTaskStatusAsync("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");

        status.Status.Should().Be(MemOSTaskStatus.Failed);
    }

    [Fact]
    public async Task The_legacy_list_answer_is_normalised_and_gets_the_task_id()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("mocks/get_status.legacy_list.pyt.json"));
        using var client = server.CreateClient();

        var status = await client.GetTaskStatusAsync("task-9");

        status.Status.Should().Be(MemOSTaskStatus.Completed);
        status.TaskId.Should().Be("task-9");
    }

    [Fact]
    public async Task Wait_polls_from_running_to_completed_with_growing_capped_delays()
    {
        await using var server = await StatusSequence("get_status.response.running.json", "get_status.response.running.json", "get_status.response.running.json", "get_status.response.completed.json");
        using var client = server.CreateClient();
        var clock = new AutoAdvancingTimeProvider();

        var status = await client.WaitForTaskAsync("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9", new TaskWaitOptions
        {
            InitialPollInterval = TimeSpan.FromSeconds(1),
            MaxPollInterval = TimeSpan.FromSeconds(3),
            TimeProvider = clock,
        });

        status.Status.Should().Be(MemOSTaskStatus.Completed);
        status.MemoryViews!.Added.Should().Be(1);
        server.Requests.Should().HaveCount(4);
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(1 + 2 + 3));
    }

    [Fact]
    public async Task Wait_throws_task_failed_with_the_final_status()
    {
        await using var server = await StatusSequence("get_status.response.running.json", "get_status.response.failed.json");
        using var client = server.CreateClient();

        var act = () => client.WaitForTaskAsync("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9", new TaskWaitOptions { TimeProvider = new AutoAdvancingTimeProvider() });

        var failure = (await act.Should().ThrowAsync<MemOSTaskFailedException>()).Which;
        failure.Status!.Status.Should().Be(MemOSTaskStatus.Failed);
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Wait_gives_up_with_a_timeout_after_a_last_poll_at_the_deadline()
    {
        await using var server = await StatusSequence("get_status.response.running.json");
        using var client = server.CreateClient();
        var clock = new AutoAdvancingTimeProvider();

        var act = () => client.WaitForTaskAsync("t", new TaskWaitOptions
        {
            InitialPollInterval = TimeSpan.FromSeconds(4),
            MaxPollInterval = TimeSpan.FromSeconds(4),
            Timeout = TimeSpan.FromSeconds(10),
            TimeProvider = clock,
        });

        await act.Should().ThrowAsync<MemOSTimeoutException>().WithMessage("*still running*");
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(10));
        server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task Wait_honours_cancellation()
    {
        await using var server = await StatusSequence("get_status.response.running.json");
        using var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => client.WaitForTaskAsync("t", new TaskWaitOptions { TimeProvider = new AutoAdvancingTimeProvider() }, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Add_message_and_wait_writes_then_polls_the_returned_task()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, Fixture.Bytes(
            Interlocked.Increment(ref calls) == 1 ? "add_message.response.json" : "get_status.response.completed.json")));
        using var client = server.CreateClient();

        var status = await client.AddMessageAndWaitAsync(new AddMessageRequest { UserId = "u", Messages = [MemOSMessage.User("hi")] }, new TaskWaitOptions { TimeProvider = new AutoAdvancingTimeProvider() });

        status.Status.Should().Be(MemOSTaskStatus.Completed);
        server.Requests.Select(r => r.Path).Should().Equal("/api/openmem/v1/add/message", "/api/openmem/v1/get/status");
        server.Requests[1].BodyJson!["task_id"]!.GetValue<string>().Should().Be("c464e17e-f2ff-4e9a-a2c2-41cc55ab43b9");
    }

    [Theory]
    [InlineData("add_feedback.request.json")]
    [InlineData("add_feedback.request.keyword_replacement.json")]
    public async Task Feedback_requests_are_sent_exactly(string fixture)
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient();
        var expected = Fixture.Json(fixture);

        var result = await client.AddFeedbackAsync(new AddFeedbackRequest
        {
            UserId = "memos_user_123",
            ConversationId = expected["conversation_id"]?.GetValue<string>(),
            FeedbackContent = expected["feedback_content"]!.GetValue<string>(),
            AllowKnowledgeBaseIds = expected["allow_knowledgebase_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
        });

        server.SingleRequest.Path.Should().Be("/api/openmem/v1/add/feedback");
        server.SingleRequest.BodyJson.ShouldBeJsonEquivalentTo(expected);
        result.TaskId.Should().NotBeNull();
        result.Status.Should().Be(MemOSTaskStatus.Running);
    }
}
