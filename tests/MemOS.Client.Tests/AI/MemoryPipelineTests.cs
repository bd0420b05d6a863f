using MemOS.Client.AI;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests;

/// <summary><c>ChatClientBuilder.UseMemOSMemory</c> in a pipeline with function invocation and logging, against the emulator.</summary>
public sealed class MemoryPipelineTests
{
    private static ChatOptions Options(AITool tool) => new()
    {
        Tools = [tool],
        AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = "u1", [MemOSMemoryScope.ConversationIdKey] = "c1" },
    };

    private static AIFunction FindHotel() => AIFunctionFactory.Create((string city) => "Metro Inn " + city, ToolCallingChatClient.ToolName);

    [Fact]
    public async Task Memory_is_recalled_and_written_once_per_user_turn_around_a_tool_calling_pipeline()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        await memos.AddMessageAsync("u1", "c0", [MemOSMessage.User("I prefer hotels near the metro.")]);
        var model = new ToolCallingChatClient();
        var logs = new CapturingLoggerProvider();
        using var chat = new ChatClientBuilder(model)
            .UseMemOSMemory(memos)
            .UseFunctionInvocation()
            .UseLogging(logs)
            .Build();

        var response = await chat.GetResponseAsync("Which hotels do I prefer in Guangzhou?", Options(FindHotel()));

        chat.Dispose();

        response.Text.Should().Be("I booked Metro Inn Guangzhou.");
        model.Calls.Should().HaveCount(2, "the model asked for the tool once, then answered");
        foreach (var prompt in model.Calls)
        {
            // Function invocation sits below the memory: every round-trip keeps the one recalled message.
            prompt.Where(message => message.Role == ChatRole.System).Should().ContainSingle()
                .Which.Text.Should().Contain("- I prefer hotels near the metro.");
        }

        logs.Lines.Should().Contain(line => line.Message.Contains("GetResponseAsync", StringComparison.Ordinal), "UseLogging logged the inner calls");
        logs.Lines.Should().NotContain(line => line.Level >= LogLevel.Warning, "memory neither failed to recall nor to write");
        var history = await memos.GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = "c1" });
        history.Messages.Select(message => message.Content).Should().Equal("Which hotels do I prefer in Guangzhou?", "I booked Metro Inn Guangzhou.");
    }

    [Fact]
    public async Task Without_a_client_argument_the_pipeline_takes_the_MemOS_client_and_logger_factory_from_its_services()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("search/memory", EmulatorFault.ErrorCode(40002));
        var logs = new CapturingLoggerProvider();
        await using var services = new ServiceCollection()
            .AddSingleton<IMemOSClient>(_ => emulator.CreateClient())
            .AddSingleton<ILoggerFactory>(logs)
            .BuildServiceProvider();
        var echo = new EchoChatClient();
        using var chat = new ChatClientBuilder(echo).UseMemOSMemory().Build(services);

        var response = await chat.GetResponseAsync("Which hotel?", new ChatOptions { AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = "u1", [MemOSMemoryScope.ConversationIdKey] = "c1" } });

        chat.Dispose();

        response.Text.Should().Be("echo: Which hotel?");
        logs.Lines.Should().ContainSingle(line => line.Level == LogLevel.Warning).Which.Message.Should().Contain("recall failed");
        var history = await services.GetRequiredService<IMemOSClient>().GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = "c1" });
        history.Messages.Select(message => message.Content).Should().Equal(["Which hotel?", "echo: Which hotel?"], "the turn was still written");
    }

    [Fact]
    public void Without_a_client_argument_or_a_registered_client_building_the_pipeline_says_what_is_missing()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var act = () => new ChatClientBuilder(new EchoChatClient()).UseMemOSMemory().Build(services);

        act.Should().Throw<InvalidOperationException>().WithMessage("*AddMemOSClient*");
    }
}
