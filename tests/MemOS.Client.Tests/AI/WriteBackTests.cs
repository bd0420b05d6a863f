using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MemOS.Client.Agents;
using MemOS.Client.AI;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MemOS.Client.Tests;

/// <summary>
/// The write-back is off the reply's path: against an emulator that takes 3 s to accept each write,
/// replies and streams end at once, and the turns are stored afterwards, on dispose or host shutdown.
/// </summary>
public sealed class WriteBackTests
{
    private static readonly TimeSpan SlowWrite = TimeSpan.FromSeconds(3);

    private static ChatOptions Scope(string conversationId) => new() { AdditionalProperties = new() { [MemOSMemoryScope.UserIdKey] = "u1", [MemOSMemoryScope.ConversationIdKey] = conversationId } };

    private static async Task<IReadOnlyList<string?>> StoredAsync(MemOSClient memos, string conversationId)
        => (await memos.GetMessagesAsync(new GetMessageRequest { UserId = "u1", ConversationId = conversationId })).Messages.Select(message => message.Content).ToList();

    [Fact]
    public async Task With_MemOS_slow_to_accept_writes_the_reply_and_the_streams_end_come_at_once_and_the_turns_are_stored_afterwards()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("add/message", EmulatorFault.Delay(SlowWrite), times: 2);
        using var memos = emulator.CreateClient();
        await using var chat = new EchoChatClient().UseMemOSMemory(memos, options => options.MemoryTimeout = TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        var reply = await chat.GetResponseAsync("I prefer quiet rooms.", Scope("plain"));
        var replied = clock.Elapsed;
        var streamed = await chat.GetStreamingResponseAsync("I travel with my dog.", Scope("streamed")).ToChatResponseAsync();
        var streamEnded = clock.Elapsed - replied;

        reply.Text.Should().Be("echo: I prefer quiet rooms.");
        streamed.Text.Should().Be("echo: I travel with my dog. ");
        replied.Should().BeLessThan(TimeSpan.FromSeconds(1), "the reply does not wait for the 3 s write");
        streamEnded.Should().BeLessThan(TimeSpan.FromSeconds(1), "the stream's end does not wait for the 3 s write");
        (await StoredAsync(memos, "plain")).Should().BeEmpty("MemOS is still holding the write");

        await chat.DisposeAsync();

        (await StoredAsync(memos, "plain")).Should().Equal("I prefer quiet rooms.", "echo: I prefer quiet rooms.");
        (await StoredAsync(memos, "streamed")).Should().Equal("I travel with my dog.", "echo: I travel with my dog. ");
    }

    [Fact]
    public async Task An_agent_run_returns_before_its_slow_write_and_the_turn_is_stored_when_the_provider_is_disposed()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("add/message", EmulatorFault.Delay(SlowWrite));
        using var memos = emulator.CreateClient();
        var provider = new MemOSContextProvider(memos, _ => new MemOSMemoryScope { UserId = "u1", ConversationId = "agent" }, new MemOSContextProviderOptions { MemoryTimeout = TimeSpan.FromSeconds(30) });
        var agent = new ChatClientAgent(new EchoChatClient(), new ChatClientAgentOptions { AIContextProviders = [provider] });

        var clock = Stopwatch.StartNew();
        var response = await agent.RunAsync("I prefer quiet rooms.", await agent.CreateSessionAsync());

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "the run does not wait for the 3 s write");
        response.Text.Should().Be("echo: I prefer quiet rooms.");
        (await StoredAsync(memos, "agent")).Should().BeEmpty("MemOS is still holding the write");

        await provider.DisposeAsync();

        (await StoredAsync(memos, "agent")).Should().Equal("I prefer quiet rooms.", "echo: I prefer quiet rooms.");
    }

    [Fact]
    public async Task A_pending_write_back_is_written_when_the_host_stops()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("add/message", EmulatorFault.Delay(SlowWrite), times: 2);
        using var memos = emulator.CreateClient();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IMemOSClient>(memos);
        builder.Services.AddChatClient(new EchoChatClient()).UseMemOSMemory(configure: options => options.MemoryTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddMemOSContextProvider((_, _) => new MemOSMemoryScope { UserId = "u1", ConversationId = "agent" }, options => options.MemoryTimeout = TimeSpan.FromSeconds(30));
        using var host = builder.Build();
        await host.StartAsync();
        var agent = new ChatClientAgent(new EchoChatClient(), new ChatClientAgentOptions { AIContextProviders = [host.Services.GetRequiredService<MemOSContextProvider>()] });

        await host.Services.GetRequiredService<IChatClient>().GetResponseAsync("I prefer quiet rooms.", Scope("chat"));
        await agent.RunAsync("I travel with my dog.", await agent.CreateSessionAsync());
        (await StoredAsync(memos, "chat")).Should().BeEmpty("MemOS is still holding the write");

        await host.StopAsync();

        (await StoredAsync(memos, "chat")).Should().Equal("I prefer quiet rooms.", "echo: I prefer quiet rooms.");
        (await StoredAsync(memos, "agent")).Should().Equal("I travel with my dog.", "echo: I travel with my dog.");
    }

    [Fact]
    public async Task A_turn_that_finds_the_queue_full_is_dropped_with_a_log_line_and_a_count_and_the_others_are_written()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.InjectFault("add/message", EmulatorFault.Delay(SlowWrite), times: 3);
        using var memos = emulator.CreateClient();
        var logs = new CapturingLoggerProvider();
        var dropped = new ConcurrentQueue<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Meter.Name == "MemOS.Client.AI" && instrument.Name == "memos.client.write_back.dropped")
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => dropped.Enqueue(value));
        listener.Start();
        await using var chat = new EchoChatClient().UseMemOSMemory(memos, options =>
        {
            options.WriteBackQueueLimit = 1;
            options.MemoryTimeout = TimeSpan.FromSeconds(30);
            options.LoggerFactory = logs;
        });

        for (var turn = 0; turn < 3; turn++)
        {
            await chat.GetResponseAsync("Turn " + turn, Scope("full"));
        }

        await chat.DisposeAsync();

        // One write is in flight and one waits: of three turns at least one found the queue full.
        var drops = logs.Lines.Where(line => line.Message.Contains("write-back dropped a turn", StringComparison.Ordinal)).ToList();
        drops.Should().NotBeEmpty().And.OnlyContain(line => line.Level == LogLevel.Warning && line.Message.Contains("WriteBackQueueLimit"));
        dropped.Sum().Should().BeGreaterThanOrEqualTo(drops.Count);
        (await StoredAsync(memos, "full")).Should().HaveCount(2 * (3 - drops.Count), "every turn not dropped was written");
    }

    [Fact]
    public async Task A_turn_that_ends_after_the_queue_was_drained_is_dropped_with_a_log_line_never_silently()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        var logs = new CapturingLoggerProvider();
        var chat = new EchoChatClient().UseMemOSMemory(memos, options => options.LoggerFactory = logs);
        await chat.DisposeAsync();

        // A request still answering when the host has stopped: its answer stands, its turn cannot be queued.
        var reply = await chat.GetResponseAsync("I prefer quiet rooms.", Scope("late"));

        reply.Text.Should().Be("echo: I prefer quiet rooms.");
        logs.Lines.Should().ContainSingle(line => line.Level == LogLevel.Warning)
            .Which.Message.Should().Contain("write-back dropped a turn: the queue was closed").And.NotContain("quiet rooms");
        (await StoredAsync(memos, "late")).Should().BeEmpty();
    }
}
