using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Tests;

/// <summary>The memos commands, run in-process against the emulator, their output and exit codes.</summary>
public sealed class CommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-cli-").FullName;
    private MemOSEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await MemOSEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The emulator's key and URL as the environment variables the tool reads.</summary>
    private Dictionary<string, string> Variables => new() { ["MEMOS_API_KEY"] = _emulator.ApiKey, ["MEMOS_BASE_URL"] = _emulator.BaseUrl.ToString() };

    private string WriteFile(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Conversation(string user, string conversation, params string[] texts)
        => JsonSerializer.Serialize(new { user_id = user, conversation_id = conversation, messages = texts.Select((t, i) => new { role = i % 2 == 0 ? "user" : "assistant", content = t, chat_time = $"2025-09-12 08:00:0{i}" }) });

    [Fact]
    public async Task Help_lists_every_command_and_exits_zero()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        run.StandardOutputText.Should().ContainAll("import <file>", "export", "search <query>", "add <text>", "chat <query>", "status <task>", "mcp", "--emulator");
    }

    [Fact]
    public async Task An_emulator_import_prints_a_summary_table_and_exits_zero()
    {
        var file = WriteFile("small.jsonl", Conversation("alice", "trip", "I choose 7 Days Inn.", "Noted."), Conversation("bob", "tea", "I like tea."));

        var run = await CliRun.RunAsync("import", file, "--emulator");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Written").And.MatchRegex(@"Written\W+2\W+3\W").And.Contain("2 conversations in 2 lines, 2 of them done");
    }

    [Fact]
    public async Task An_import_that_leaves_a_request_possibly_applied_exits_non_zero_and_names_the_messages()
    {
        var file = WriteFile("one.jsonl", Conversation("alice", "trip", "I choose 7 Days Inn."));
        _emulator.InjectFault("add/message", EmulatorFault.HttpError(503));

        var run = await CliRun.RunAsync(Variables, "import", file, "--no-settle");

        run.ExitCode.Should().Be(1);
        run.Output.Should().MatchRegex(@"May have been applied\W+1\W+1\W");
        run.Error.Should().Contain("may have been applied: alice/trip messages 0-0");
    }

    [Fact]
    public async Task An_import_settles_a_request_that_may_have_been_applied_by_reading_the_conversation_back()
    {
        var file = WriteFile("settle.jsonl", Conversation("alice", "trip", "I choose 7 Days Inn."));
        _emulator.InjectFault("add/message", EmulatorFault.HttpError(503));

        var run = await CliRun.RunAsync(Variables, "import", file);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().MatchRegex(@"Written\W+1\W+1\W").And.Contain("1 uncertain requests settled by 1 read-backs");
    }

    [Fact]
    public async Task Invalid_lines_are_all_listed_and_nothing_is_written_unless_skipping_is_asked_for()
    {
        var file = WriteFile("invalid.jsonl", Conversation("alice", "trip", "Hello."), "{\"user_id\":\"alice\",\"conversation_id\":\"x\",\"messages\":[{\"role\":\"robot\",\"content\":\"beep\"}]}", "{not json");

        var refused = await CliRun.RunAsync(Variables, "import", file);
        var skipped = await CliRun.RunAsync(Variables, "import", file, "--skip-invalid");

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("line 2: messages[0].role: 'robot' is not a role MemOS accepts").And.Contain("line 3: (line): not valid JSON");
        skipped.ExitCode.Should().Be(1, "skipped lines were not imported");
        skipped.Output.Should().MatchRegex(@"Written\W+1\W+1\W");
        skipped.Error.Should().Contain("skipped: line 3: (line): not valid JSON", "problems go to standard error, beside the results");
        using var client = _emulator.CreateClient();
        (await client.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = "trip", MessageLimitNumber = 50 })).Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task A_second_import_with_the_checkpoint_writes_nothing_again()
    {
        var file = WriteFile("two.jsonl", Conversation("alice", "trip", "I choose 7 Days Inn.", "Noted."), Conversation("bob", "tea", "I like tea."));
        var checkpoint = Path.Combine(_folder, "checkpoint.jsonl");

        var first = await CliRun.RunAsync(Variables, "import", file, "--checkpoint", checkpoint);
        var second = await CliRun.RunAsync(Variables, "import", file, "--checkpoint", checkpoint);

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        second.Output.Should().MatchRegex(@"Written\W+0\W+0\W").And.MatchRegex(@"Already written \(checkpoint\)\W+-\W+3\W");
        using var client = _emulator.CreateClient();
        (await client.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = "trip", MessageLimitNumber = 50 })).Messages.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_malformed_line_is_a_usage_error_that_names_the_line()
    {
        var file = WriteFile("bad.jsonl", Conversation("alice", "trip", "Hello."), "{not json");

        var run = await CliRun.RunAsync("import", file, "--emulator");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("line 2: (line): not valid JSON");
    }

    [Theory]
    [InlineData("--qery", "'--qery'.")]
    [InlineData("--usr", "'--usr'; did you mean '--user'?")]
    [InlineData("--jsn", "'--jsn'; did you mean '--json'?")]
    public async Task A_misspelt_option_is_a_usage_error_that_names_it_and_nothing_is_sent(string typed, string named)
    {
        // The parser would take the token as the search's query: the search would run, for the wrong text.
        var run = await CliRun.RunAsync(Variables, "search", "--user", "alice", typed);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("memos: Unknown option " + named);
        _emulator.Requests.Should().BeEmpty("nothing reached the service");
    }

    [Fact]
    public async Task After_a_double_dash_a_value_that_starts_with_a_dash_is_taken_as_it_is()
    {
        var run = await CliRun.RunAsync(Variables, "search", "--user", "alice", "--", "--literal");

        run.ExitCode.Should().Be(0, run.Error);
        _emulator.Requests.Should().ContainSingle().Which.Path.Should().EndWith("/search/memory");
    }

    [Fact]
    public async Task Without_a_key_a_command_says_how_to_give_one()
    {
        var run = await CliRun.RunAsync("search", "--user", "alice", "hotel");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("MEMOS_API_KEY").And.Contain("--emulator");
    }

    [Fact]
    public async Task Add_then_search_then_status_show_the_message_the_memory_and_the_task()
    {
        var added = await CliRun.RunAsync(Variables, "add", "--user", "alice", "--conversation", "trip", "I choose 7 Days Inn.");
        var taskId = System.Text.RegularExpressions.Regex.Match(added.Output, @"task (\S+),").Groups[1].Value;
        var found = await CliRun.RunAsync(Variables, "search", "--user", "alice", "Which hotel did I choose?");
        var status = await CliRun.RunAsync(Variables, "status", taskId);
        var unknown = await CliRun.RunAsync(Variables, "status", "no-such-task");

        added.ExitCode.Should().Be(0, added.Error);
        taskId.Should().NotBeEmpty();
        found.ExitCode.Should().Be(0, found.Error);
        found.Output.Should().Contain("I choose 7 Days Inn.").And.Contain("fact");
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().MatchRegex($"{taskId}: (running|completed)");
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("50131");
    }

    [Fact]
    public async Task Chat_streams_the_answer_to_the_terminal()
    {
        using var client = _emulator.CreateClient();
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn.")]);

        var run = await CliRun.RunAsync(Variables, "chat", "--user", "alice", "Which hotel did I choose?");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("7 Days Inn");
    }

    [Fact]
    public async Task Export_writes_memories_to_a_file_and_messages_to_standard_output_as_json_lines()
    {
        using var client = _emulator.CreateClient();
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn."), MemOSMessage.Assistant("Noted.")]);
        var file = Path.Combine(_folder, "memories.jsonl");

        var memories = await CliRun.RunAsync(Variables, "export", "--user", "alice", "--output", file);
        var messages = await CliRun.RunAsync(Variables, "export", "--user", "alice", "--messages");

        memories.ExitCode.Should().Be(0, memories.Error);
        var memoryLines = File.ReadAllLines(file);
        memoryLines.Should().NotBeEmpty();
        memoryLines.Should().OnlyContain(l => JsonDocument.Parse(l, default).RootElement.GetProperty("category").GetString() == "fact");
        memories.Error.Should().Contain($"Exported {memoryLines.Length} memories");
        messages.ExitCode.Should().Be(0, messages.Error);
        var line = JsonDocument.Parse(messages.StandardOutputText.Trim()).RootElement;
        line.GetProperty("conversation_id").GetString().Should().Be("trip");
        line.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()).Should().Equal("I choose 7 Days Inn.", "Noted.");
    }
}
