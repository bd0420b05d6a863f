using MemOS.Client.Import;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>The emulator as a stand-in for the service: what it recalls, the trace id it sends, and the limits it enforces.</summary>
public sealed class EmulatorRecallTests
{
    [Theory]
    [InlineData("I chose 7 Days Inn for my Guangzhou trip.", "Which hotel did I choose?")]
    [InlineData("I booked two hotels near the metro.", "Which hotel am I booking?")]
    [InlineData("I loved the dumplings in Xi'an.", "Do I love dumplings?")]
    [InlineData("我喜欢喝绿茶", "绿茶")]
    [InlineData("我喜欢喝绿茶", "我喜欢喝什么茶？")]
    public async Task A_fact_is_recalled_by_a_question_in_another_word_form_or_by_a_chinese_substring(string fact, string question)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User(fact)]);

        var found = await client.SearchMemoryAsync("alice", question);

        found.Memories.Should().ContainSingle().Which.MemoryValue.Should().Be("The user said: " + fact);
    }

    [Theory]
    [InlineData("I chose 7 Days Inn.", "Which restaurant did I like?")]
    [InlineData("我喜欢喝绿茶", "红酒")]
    public async Task An_unrelated_question_recalls_nothing(string fact, string question)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User(fact)]);

        var found = await client.SearchMemoryAsync("alice", question);

        found.Memories.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_answer_carries_a_trace_id_as_the_service_sends_it()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();
        emulator.InjectFault("search/memory", EmulatorFault.ErrorCode(40002));

        string? traceId;
        using (var capture = MemOSResponseCapture.Start())
        {
            await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn.")]);
            traceId = capture.Last?.TraceId;
        }

        var failed = () => client.SearchMemoryAsync("alice", "hotel");

        traceId.Should().MatchRegex("^[0-9a-f]{32}$");
        (await failed.Should().ThrowAsync<MemOSValidationException>()).Which.TraceId.Should().MatchRegex("^[0-9a-f]{32}$").And.NotBe(traceId);
    }

    [Fact]
    public async Task The_request_token_limit_agrees_with_the_imports_estimate()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = emulator.CreateClient();

        // 50 messages of 2,376 ASCII characters are 50 × (792 + 8) = 40,000 estimated tokens: at the limit, one request.
        var atLimit = Enumerable.Range(0, 50).Select(i => MemOSMessage.User(new string('a', 2_375) + (i % 10))).ToList();
        var report = await client.ImportAsync(OneConversation(atLimit), new ImportOptions());

        // One Chinese character more is one token over: the service's 40013.
        var overLimit = atLimit.Select((m, i) => i == 0 ? MemOSMessage.User(m.Content!.Text + "绿") : m).ToList();
        var tooLarge = () => client.AddMessageAsync("alice", "big", overLimit);

        report.Progress.MessagesWritten.Should().Be(50);
        report.Written.Should().ContainSingle("the 50 messages fit one request by the estimate");
        (await tooLarge.Should().ThrowAsync<MemOSRequestTooLargeException>()).Which.Code.Should().Be(40013);
    }

    private static async IAsyncEnumerable<ConversationImport> OneConversation(IReadOnlyList<MemOSMessage> messages)
    {
        await Task.CompletedTask;
        yield return new ConversationImport { UserId = "alice", ConversationId = "big", Messages = [.. messages] };
    }
}
