using System.Text.Json.Nodes;
using MemOS.Client.Agents;
using MemOS.Client.AI;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests;

/// <summary><see cref="MemOSContextProvider"/> in Agent Framework agents, against the emulator and a recording server.</summary>
public sealed class AgentMemoryTests
{
    private const string Question = "Which hotels do I prefer in Guangzhou?";

    private static readonly string Written = """{"code":0,"message":"ok","data":{"success":true,"task_id":"t1","status":"running"}}""";

    private static readonly string NothingFound = """{"code":0,"message":"ok","data":{"memory_detail_list":[],"preference_detail_list":[]}}""";

    private static MemOSContextProvider Provider(IMemOSClient memos, ILoggerFactory? logs = null)
        => new(memos, _ => new MemOSMemoryScope { UserId = "u1", AgentId = "travel_agent" }, new MemOSContextProviderOptions { LoggerFactory = logs });

    private static ChatClientAgent Agent(IChatClient model, AIContextProvider provider)
        => new(model, new ChatClientAgentOptions { ChatOptions = new() { Instructions = "You are a travel agent." }, AIContextProviders = [provider] });

    private static async Task<MemOSEmulator> EmulatorRememberingAsync()
    {
        var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        await memos.AddMessageAsync("u1", "earlier", [MemOSMessage.User("I prefer hotels near the metro.")]);
        return emulator;
    }

    private static Task<LoopbackServer> RecordingMemOSAsync() => LoopbackServer.StartAsync(context =>
        Respond.Text(context, context.Request.Path.Value!.EndsWith("/search/memory", StringComparison.Ordinal) ? NothingFound : Written));

    private static IEnumerable<RecordedRequest> Writes(LoopbackServer server) => server.Requests.Where(request => request.Path.EndsWith("/add/message", StringComparison.Ordinal));

    [Fact]
    public async Task Recalled_memories_reach_the_model_in_the_run_instructions_after_the_agents_own()
    {
        await using var emulator = await EmulatorRememberingAsync();
        using var memos = emulator.CreateClient();
        var model = new EchoChatClient();
        var agent = Agent(model, Provider(memos));

        var response = await agent.RunAsync(Question, await agent.CreateSessionAsync());

        response.Text.Should().Be("echo: " + Question);
        var (messages, options) = model.SingleCall;
        options!.Instructions.Should().StartWith("You are a travel agent.")
            .And.Contain("What the user stated themselves outweighs what the assistant inferred")
            .And.Contain("Preferences:\n- I prefer hotels near the metro.");
        messages.Should().ContainSingle("memories go into the instructions, not into the chat history").Which.Text.Should().Be(Question);
    }

    [Fact]
    public async Task A_memory_stated_twice_reaches_the_instructions_once()
    {
        await using var emulator = await EmulatorRememberingAsync();
        using var memos = emulator.CreateClient();
        await memos.AddMessageAsync("u1", "later", [MemOSMessage.User("I prefer hotels near the metro.")]);
        var model = new EchoChatClient();
        var agent = Agent(model, Provider(memos));

        await agent.RunAsync(Question, await agent.CreateSessionAsync());

        var recalled = await memos.SearchMemoryAsync("u1", Question);
        recalled.Memories.Should().HaveCount(2, "the emulator stores each statement, as the service may");
        var instructions = model.SingleCall.Options!.Instructions!;
        instructions.Split("- The user said: I prefer hotels near the metro.").Should().HaveCount(2, "the fact appears once");
        instructions.Split("- I prefer hotels near the metro.").Should().HaveCount(2, "the preference appears once");
    }

    [Fact]
    public async Task Registered_in_the_chat_pipeline_with_UseAIContextProviders_it_recalls_the_same()
    {
        await using var emulator = await EmulatorRememberingAsync();
        using var memos = emulator.CreateClient();
        var model = new EchoChatClient();
        var agent = new ChatClientBuilder(model).UseAIContextProviders(Provider(memos)).BuildAIAgent(new ChatClientAgentOptions { Name = "travel" });

        await agent.RunAsync(Question, await agent.CreateSessionAsync());

        model.SingleCall.Options!.Instructions.Should().Contain("- I prefer hotels near the metro.");
    }

    [Fact]
    public async Task The_template_is_configurable()
    {
        await using var emulator = await EmulatorRememberingAsync();
        using var memos = emulator.CreateClient();
        var model = new EchoChatClient();
        var provider = new MemOSContextProvider(memos, _ => new MemOSMemoryScope { UserId = "u1" }, new MemOSContextProviderOptions { Template = "Known: {memories} | Likes: {preferences}" });

        await Agent(model, provider).RunAsync(Question);

        model.SingleCall.Options!.Instructions.Should().StartWith("You are a travel agent.\nKnown: - The user said: I prefer hotels near the metro. | Likes: - I prefer hotels near the metro. (stated by the user)");
    }

    [Fact]
    public async Task A_successful_run_writes_the_question_and_the_answer_in_async_mode_under_the_session_scope()
    {
        await using var server = await RecordingMemOSAsync();
        using var memos = server.CreateClient();
        await using var provider = Provider(memos);
        var agent = Agent(new EchoChatClient(), provider);
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync(Question, session);
        await provider.DisposeAsync();

        var conversation = provider.GetScope(session).ConversationId;
        conversation.Should().NotBeNullOrWhiteSpace();
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse($$"""{"query":"{{Question}}","user_id":"u1","agent_id":"travel_agent","conversation_id":"{{conversation}}"}"""));
        Writes(server).Should().ContainSingle().Which.BodyJson.ShouldBeJsonEquivalentTo(JsonNode.Parse($$"""
            {"user_id":"u1","agent_id":"travel_agent","conversation_id":"{{conversation}}","async_mode":true,
             "messages":[{"role":"user","content":"{{Question}}"},{"role":"assistant","content":"echo: {{Question}}"}]}
            """));
    }

    [Fact]
    public async Task A_streamed_run_read_to_its_end_is_written_with_the_whole_answer()
    {
        await using var server = await RecordingMemOSAsync();
        using var memos = server.CreateClient();
        await using var provider = Provider(memos);
        var agent = Agent(new EchoChatClient(), provider);
        var session = await agent.CreateSessionAsync();

        var answer = new System.Text.StringBuilder();
        await foreach (var update in agent.RunStreamingAsync(Question, session))
        {
            answer.Append(update.Text);
        }

        await provider.DisposeAsync();

        answer.ToString().Should().Be("echo: " + Question + " ");
        var written = Writes(server).Should().ContainSingle().Subject.BodyJson!;
        written["messages"]![1]!["content"]!.GetValue<string>().Should().Be("echo: " + Question + " ");
    }

    [Fact]
    public async Task A_failed_run_is_not_written()
    {
        await using var server = await RecordingMemOSAsync();
        using var memos = server.CreateClient();
        var agent = Agent(new FailingChatClient(), Provider(memos));
        var session = await agent.CreateSessionAsync();

        var act = () => agent.RunAsync(Question, session);

        await act.Should().ThrowAsync<HttpRequestException>();
        server.Requests.Should().ContainSingle("the recall ran, the write did not").Which.Path.Should().EndWith("/search/memory");
    }

    [Fact]
    public async Task When_MemOS_is_unreachable_the_agent_still_answers_and_logs_each_failure_once_without_content_or_key()
    {
        var server = await LoopbackServer.StartAsync(context => Task.CompletedTask);
        var url = server.BaseUrl;
        await server.DisposeAsync();
        using var memos = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = url, TimeProvider = new AutoAdvancingTimeProvider() });
        var logs = new CapturingLoggerProvider();
        var model = new EchoChatClient();
        await using var provider = Provider(memos, logs);
        var agent = Agent(model, provider);

        var response = await agent.RunAsync(Question, await agent.CreateSessionAsync());
        await provider.DisposeAsync();

        response.Text.Should().Be("echo: " + Question);
        model.SingleCall.Options!.Instructions.Should().Be("You are a travel agent.");
        logs.Lines.Select(line => line.Message).Should().SatisfyRespectively(
            recall => recall.Should().Contain("recall failed").And.Contain("MemOSConnectionException"),
            write => write.Should().Contain("write-back failed").And.Contain("MemOSConnectionException"));
        logs.Lines.Should().OnlyContain(line => line.Level == LogLevel.Warning && !line.Message.Contains("Guangzhou") && !line.Message.Contains(LoopbackServer.ApiKey));
    }

    [Fact]
    public async Task When_the_emulator_fails_the_search_the_agent_answers_without_memories_and_still_writes()
    {
        await using var emulator = await EmulatorRememberingAsync();
        emulator.InjectFault("search/memory", EmulatorFault.ErrorCode(40002));
        using var memos = emulator.CreateClient();
        var logs = new CapturingLoggerProvider();
        var model = new EchoChatClient();
        await using var provider = Provider(memos, logs);
        var agent = Agent(model, provider);
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync(Question, session);
        await provider.DisposeAsync();

        model.SingleCall.Options!.Instructions.Should().Be("You are a travel agent.");
        logs.Lines.Should().ContainSingle().Which.Message.Should().Contain("recall failed").And.Contain("40002");
        var history = await memos.GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = provider.GetScope(session).ConversationId! });
        history.Messages.Should().HaveCount(2);
    }

    [Fact]
    public async Task Two_sessions_keep_conversations_of_their_own_and_a_restored_session_keeps_its_own()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        await using var provider = Provider(memos);
        var agent = Agent(new EchoChatClient(), provider);
        var first = await agent.CreateSessionAsync();
        var second = await agent.CreateSessionAsync();

        await agent.RunAsync("I prefer quiet rooms.", first);
        await agent.RunAsync("I am travelling with my dog.", second);
        await provider.DisposeAsync();

        var firstConversation = provider.GetScope(first).ConversationId!;
        var secondConversation = provider.GetScope(second).ConversationId!;
        firstConversation.Should().NotBe(secondConversation);
        (await memos.GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = firstConversation })).Messages
            .Select(message => message.Content).Should().Equal("I prefer quiet rooms.", "echo: I prefer quiet rooms.");
        (await memos.GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = secondConversation })).Messages
            .Select(message => message.Content).Should().Equal("I am travelling with my dog.", "echo: I am travelling with my dog.");

        var restored = await agent.DeserializeSessionAsync(await agent.SerializeSessionAsync(first));
        provider.GetScope(restored).Should().Be(provider.GetScope(first));
    }

    [Fact]
    public async Task A_scope_naming_neither_user_nor_agent_fails_the_run_with_a_clear_message()
    {
        await using var server = await RecordingMemOSAsync();
        using var memos = server.CreateClient();
        var agent = Agent(new EchoChatClient(), new MemOSContextProvider(memos, _ => new MemOSMemoryScope { ConversationId = "c1" }));

        var act = () => agent.RunAsync(Question);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*UserId or AgentId*");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task With_dependency_injection_the_provider_uses_the_registered_client_and_the_scope_function_sees_the_services()
    {
        await using var emulator = await EmulatorRememberingAsync();
        await using var services = new ServiceCollection()
            .AddSingleton<IMemOSClient>(_ => emulator.CreateClient())
            .AddSingleton(new MemOSMemoryScope { UserId = "u1" })
            .AddMemOSContextProvider((provider, _) => provider.GetRequiredService<MemOSMemoryScope>())
            .BuildServiceProvider();
        var model = new EchoChatClient();
        var agent = Agent(model, services.GetRequiredService<MemOSContextProvider>());

        await agent.RunAsync(Question, await agent.CreateSessionAsync());

        model.SingleCall.Options!.Instructions.Should().Contain("- I prefer hotels near the metro.");
    }
}
