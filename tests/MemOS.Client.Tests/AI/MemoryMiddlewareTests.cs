using System.Text.Json.Nodes;
using MemOS.Client.AI;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests;

public sealed class MemoryMiddlewareTests
{
    private const string Question = "Which hotel should I book in Guangzhou?";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string Recalled = """
        {"code":0,"message":"ok","data":{
          "memory_detail_list":[{"id":"m1","memory_value":"The user chose 7 Days Inn for the Guangzhou trip.","relativity":0.9}],
          "preference_detail_list":[
            {"id":"p1","preference":"The user prefers budget hotels.","preference_type":"explicit_preference","relativity":0.8},
            {"id":"p2","preference":"The user may like hotels near the metro.","preference_type":"implicit_preference","relativity":0.6}],
          "preference_note":"Your reply must not violate any of the user's preferences."}}
        """;

    private static readonly string Written = """{"code":0,"message":"ok","data":{"success":true,"task_id":"t1","status":"running"}}""";

    private static ChatOptions Scope => new() { AdditionalProperties = new() { ["user_id"] = "u1", ["conversation_id"] = "c1" } };

    private static Task<LoopbackServer> MemOSAsync() => LoopbackServer.StartAsync(context =>
        Respond.Text(context, context.Request.Path.Value!.EndsWith("/search/memory", StringComparison.Ordinal) ? Recalled : Written));

    private static IEnumerable<RecordedRequest> Writes(LoopbackServer server) => server.Requests.Where(request => request.Path.EndsWith("/add/message", StringComparison.Ordinal));

    [Fact]
    public async Task Recalled_memories_reach_the_inner_prompt_as_a_system_message_after_the_callers_own()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        var echo = new EchoChatClient();
        using var chat = echo.UseMemOSMemory(memos);

        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are a travel agent."), new ChatMessage(ChatRole.User, Question)], Scope);

        var (prompt, options) = echo.SingleCall;
        prompt.Select(message => message.Role).Should().Equal(ChatRole.System, ChatRole.System, ChatRole.User);
        prompt[0].Text.Should().Be("You are a travel agent.");
        prompt[1].Text.Should().Be("""
            Long-term memory about this user, recalled for their latest message. Use it where it helps the reply, without mentioning that you have a memory.
            What the user stated themselves outweighs what the assistant inferred or suggested in earlier conversations: when they disagree, follow the user's own words.

            Facts:
            - The user chose 7 Days Inn for the Guangzhou trip.

            Preferences:
            - The user prefers budget hotels. (stated by the user)
            - The user may like hotels near the metro. (inferred)
            Your reply must not violate any of the user's preferences.
            """);
        prompt[2].Text.Should().Be(Question);

        // The ids are for MemOS, not for the model provider behind the inner client.
        options!.AdditionalProperties.Should().BeEmpty();
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse($$"""{"query":"{{Question}}","user_id":"u1","conversation_id":"c1"}"""));
    }

    [Fact]
    public async Task The_template_is_configurable()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        var echo = new EchoChatClient();
        using var chat = echo.UseMemOSMemory(memos, options => options.Template = "Known: {memories} | Likes: {preferences}");

        await chat.GetResponseAsync(Question, Scope);

        echo.SingleCall.Messages[0].Text.Should().StartWith("Known: - The user chose 7 Days Inn for the Guangzhou trip. | Likes: - The user prefers budget hotels.");
    }

    [Fact]
    public async Task The_user_turn_and_the_answer_are_written_back_in_async_mode()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        using var chat = new EchoChatClient().UseMemOSMemory(memos);

        var response = await chat.GetResponseAsync(Question, Scope);
        await chat.DisposeAsync();

        response.Text.Should().Be("echo: " + Question);
        Writes(server).Should().ContainSingle().Which.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse($$"""
            {"user_id":"u1","conversation_id":"c1","async_mode":true,
             "messages":[{"role":"user","content":"{{Question}}"},{"role":"assistant","content":"echo: {{Question}}"}]}
            """));
    }

    [Fact]
    public async Task A_fully_consumed_stream_is_written_back_with_the_whole_answer()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        using var chat = new EchoChatClient().UseMemOSMemory(memos);

        var response = await chat.GetStreamingResponseAsync(Question, Scope).ToChatResponseAsync().WaitAsync(Bound);
        await chat.DisposeAsync();

        response.Text.Should().Be("echo: " + Question + " ");
        var written = Writes(server).Should().ContainSingle().Subject.BodyJson!;
        written["messages"]![1]!["content"]!.GetValue<string>().Should().Be("echo: " + Question + " ");
    }

    /// <summary>
    /// The chosen behaviour: a stream the caller stops reading is not written back, because its
    /// answer is cut off, and a partial answer stored as memory would mislead later recalls.
    /// </summary>
    [Fact]
    public async Task An_abandoned_stream_is_not_written_back()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        using var chat = new EchoChatClient().UseMemOSMemory(memos);

        await foreach (var update in chat.GetStreamingResponseAsync(Question, Scope))
        {
            update.Text.Should().Be("echo: ");
            break;
        }

        // The write would run inside the final MoveNextAsync, so once the loop has left, nothing more can come.
        server.Requests.Should().ContainSingle().Which.Path.Should().EndWith("/search/memory");
    }

    [Fact]
    public async Task When_MemOS_is_down_the_chat_still_answers_and_the_failures_are_logged_without_content()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, "<html>down</html>", StatusCodes.Status503ServiceUnavailable, "text/html"));
        using var memos = server.CreateClient();
        var echo = new EchoChatClient();
        var logs = new CapturingLoggerProvider();
        using var chat = echo.UseMemOSMemory(memos, options => options.LoggerFactory = logs);

        var response = await chat.GetResponseAsync(Question, Scope);
        await chat.DisposeAsync();

        response.Text.Should().Be("echo: " + Question);
        echo.SingleCall.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.User);
        logs.Lines.Select(line => line.Message).Should().SatisfyRespectively(
            recall => recall.Should().Contain("recall failed").And.Contain("MemOSServerException"),
            write => write.Should().Contain("write-back failed").And.Contain("MemOSServerException"));
        logs.Lines.Should().OnlyContain(line => line.Level == LogLevel.Warning && !line.Message.Contains("Guangzhou") && !line.Message.Contains(LoopbackServer.ApiKey));
    }

    [Fact]
    public async Task When_MemOS_is_unreachable_a_stream_still_answers()
    {
        var server = await LoopbackServer.StartAsync(context => Task.CompletedTask);
        var url = server.BaseUrl;
        await server.DisposeAsync();
        using var memos = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = url, TimeProvider = new AutoAdvancingTimeProvider() });
        using var chat = new EchoChatClient().UseMemOSMemory(memos);

        var logs = new CapturingLoggerProvider();
        using var logged = new EchoChatClient().UseMemOSMemory(memos, options => options.LoggerFactory = logs);

        var response = await chat.GetStreamingResponseAsync(Question, Scope).ToChatResponseAsync().WaitAsync(Bound);
        await logged.GetResponseAsync(Question, Scope);
        await logged.DisposeAsync();

        response.Text.Should().Be("echo: " + Question + " ");

        // A refused connection has no code and no trace id: the line leaves them out rather than print "(null)".
        logs.Lines.Select(line => line.Message).Should().Equal(
            "MemOS memory recall failed (MemOSConnectionException); answering without recalled memories",
            "MemOS memory write-back failed (MemOSConnectionException); this turn was not stored");
    }

    [Fact]
    public async Task The_scope_can_come_from_a_resolver_and_per_call_ids_override_it()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        using var chat = new EchoChatClient().UseMemOSMemory(memos, options => options.ScopeResolver = (_, _) => new MemOSMemoryScope { UserId = "u1", AgentId = "travel_agent" });

        await chat.GetResponseAsync(Question, new ChatOptions { AdditionalProperties = new() { ["conversation_id"] = "c9" } });
        await chat.DisposeAsync();

        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse($$"""{"query":"{{Question}}","user_id":"u1","agent_id":"travel_agent","conversation_id":"c9"}"""));
        Writes(server).Single().BodyJson!["agent_id"]!.GetValue<string>().Should().Be("travel_agent");
    }

    [Fact]
    public async Task A_resolver_returning_null_answers_without_memory_and_no_scope_at_all_throws()
    {
        await using var server = await MemOSAsync();
        using var memos = server.CreateClient();
        var echo = new EchoChatClient();
        using var skipping = echo.UseMemOSMemory(memos, options => options.ScopeResolver = (_, _) => null);
        using var unscoped = echo.UseMemOSMemory(memos);

        (await skipping.GetResponseAsync(Question)).Text.Should().Be("echo: " + Question);
        var act = () => unscoped.GetResponseAsync(Question);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*user_id*ScopeResolver*");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Against_the_emulator_with_awaited_write_back_a_fact_written_in_one_turn_is_recalled_in_the_next()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        var echo = new EchoChatClient();
        using var chat = echo.UseMemOSMemory(memos, options => options.AwaitWriteBack = true);

        await chat.GetResponseAsync("I prefer hotels near the metro.", Scope);
        await chat.GetResponseAsync("Which hotels do I prefer?", Scope);

        var prompt = echo.Calls.Last().Messages;
        prompt[0].Role.Should().Be(ChatRole.System);
        prompt[0].Text.Should().Contain("- The user said: I prefer hotels near the metro.").And.Contain("Preferences:\n- I prefer hotels near the metro.");
    }

    [Fact]
    public async Task Nothing_recalled_means_no_system_message_and_write_back_can_be_turned_off()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        var echo = new EchoChatClient();
        using var chat = echo.UseMemOSMemory(memos, options => options.WriteBack = false);

        await chat.GetResponseAsync("I prefer quiet rooms.", Scope);

        echo.SingleCall.Messages.Should().ContainSingle().Which.Role.Should().Be(ChatRole.User);
        (await memos.SearchMemoryAsync("u1", "quiet rooms")).Memories.Should().BeEmpty();
    }
}
