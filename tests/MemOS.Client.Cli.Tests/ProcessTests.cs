using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// The memos tool as its own process, used from a shell: exit codes, standard input, pipes and FIFOs,
/// what goes to standard output and what to standard error, --json, Ctrl+C.
/// </summary>
public sealed class ProcessTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-process-").FullName;
    private MemOSEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await MemOSEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string> Variables => new() { ["MEMOS_API_KEY"] = _emulator.ApiKey, ["MEMOS_BASE_URL"] = _emulator.BaseUrl.ToString() };

    private static string History(int conversations) => string.Concat(Enumerable.Range(0, conversations).Select(i =>
        JsonSerializer.Serialize(new { user_id = "alice", conversation_id = $"c{i}", messages = new[] { new { role = "user", content = $"I like tea number {i}." }, new { role = "assistant", content = "Noted." } } }) + "\n"));

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "search", "--user", "alice" }, "Required argument 'query' missing")]
    [InlineData(new[] { "import", "history.jsonl", "--max-concurrency", "abc" }, "--max-concurrency must be a whole number, not 'abc'")]
    [InlineData(new[] { "import", "history.jsonl", "--max-concurrency", "0" }, "--max-concurrency must be at least 1")]
    [InlineData(new[] { "import", "history.jsonl", "--max-messages", "-3" }, "--max-messages must be at least 1")]
    [InlineData(new[] { "add", "--user", "alice", "--conversation", "trip", "" }, "<text> must not be empty")]
    [InlineData(new[] { "add", "--user", "alice", "--conversation", "trip", "--chat-time", "yesterday", "hi" }, "--chat-time 'yesterday' is not a time")]
    [InlineData(new[] { "add", "--user", "alice", "--conversation", "trip", "--role", "robot", "hi" }, "'robot'")]
    [InlineData(new[] { "emulator", "--port", "70000" }, "--port must be at most 65535")]
    [InlineData(new[] { "search", "--user", "alice", "hotel" }, "No API key")]
    [InlineData(new[] { "import", "no-such-file.jsonl", "--emulator" }, "does not exist")]
    public async Task A_usage_error_exits_2_with_the_reason_on_stderr_and_nothing_on_stdout(string[] args, string reason)
    {
        var run = await ToolProcess.RunAsync(args);

        run.ExitCode.Should().Be(2, run.Error);
        run.Error.Should().Contain(reason).And.NotContain("Parameter '").And.NotContain("AllowInsecureHttp").And.NotContain("System.");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_and_success_exit_0_and_a_failed_request_exits_1()
    {
        var help = await ToolProcess.RunAsync("--help");
        var added = await ToolProcess.RunAsync(Variables, null, "add", "--user", "alice", "--conversation", "trip", "I choose 7 Days Inn.");
        var unknown = await ToolProcess.RunAsync(Variables, null, "status", "no-such-task");

        help.ExitCode.Should().Be(0);
        help.Output.Should().Contain("emulator").And.Contain("--json");
        added.ExitCode.Should().Be(0, added.Error);
        added.Output.Should().StartWith("Added: task ");
        added.Error.Should().BeEmpty();
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("50131");
        unknown.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Json_results_go_to_stdout_alone_as_utf8_text()
    {
        var added = await ToolProcess.RunAsync(Variables, null, "add", "--json", "--user", "alice", "--conversation", "trip", "我喜欢 7 Days Inn, I'd say.");
        var found = await ToolProcess.RunAsync(Variables, null, "search", "--json", "--user", "alice", "Days Inn");
        var taskId = JsonDocument.Parse(added.Output).RootElement.GetProperty("task_id").GetString()!;
        var status = await ToolProcess.RunAsync(Variables, null, "status", "--json", taskId);
        var chat = await ToolProcess.RunAsync(Variables, null, "chat", "--json", "--user", "alice", "Which hotel?");

        foreach (var run in new[] { added, found, status, chat })
        {
            run.ExitCode.Should().Be(0, run.Error);
            run.Error.Should().BeEmpty();
            run.Output.TrimEnd('\n').Should().NotContain("\n", "one JSON object per result");
            JsonDocument.Parse(run.Output).RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        }

        found.Output.Should().Contain("我喜欢 7 Days Inn, I'd say.").And.NotContain("\\u");
        JsonDocument.Parse(status.Output).RootElement.GetProperty("status").GetString().Should().MatchRegex("running|completed");
        JsonDocument.Parse(chat.Output).RootElement.GetProperty("answer").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_long_result_is_not_wrapped_when_stdout_is_a_pipe()
    {
        var memory = "I choose the 7 Days Inn " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"because-{i}"));
        using (var client = _emulator.CreateClient())
        {
            await client.AddMessageAsync("alice", "trip", [MemOSMessage.User(memory)]);
        }

        var found = await ToolProcess.RunAsync(Variables, null, "search", "--user", "alice", "7 Days Inn");

        found.ExitCode.Should().Be(0, found.Error);
        found.Output.Split('\n').Should().Contain(line => line.Contains(memory, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("memos import - --json < \"$FILE\"")]
    [InlineData("cat \"$FILE\" | memos import - --json")]
    [InlineData("cat \"$FILE\" | memos import /dev/stdin --json")]
    [InlineData("memos import <(cat \"$FILE\") --json")]
    [InlineData("mkfifo \"$FILE.fifo\"; cat \"$FILE\" > \"$FILE.fifo\" & memos import \"$FILE.fifo\" --json; wait")]
    public async Task Standard_input_a_pipe_a_fifo_and_process_substitution_are_read_once_and_imported(string script)
    {
        var file = WriteFile("history.jsonl", History(3));
        var variables = Variables;
        variables["FILE"] = file;

        var run = await ToolProcess.RunBashAsync(variables, script);

        run.ExitCode.Should().Be(0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        report.GetProperty("lines_done").GetInt64().Should().Be(3);
        report.GetProperty("messages_written").GetInt64().Should().Be(6);
    }

    [Fact]
    public async Task An_import_prints_the_table_on_stdout_and_the_failures_on_stderr()
    {
        var file = WriteFile("history.jsonl", History(1));
        _emulator.InjectFault("add/message", EmulatorFault.HttpError(503));

        // Without settling, so that the write the 503 left uncertain stays a failure to report.
        var run = await ToolProcess.RunAsync(Variables, null, "import", file, "--no-settle");

        run.ExitCode.Should().Be(1);
        run.Output.Should().MatchRegex(@"May have been applied\W+1\W+2\W").And.NotContain("may have been applied: alice/c0");
        run.Error.Should().Contain("may have been applied: alice/c0");
    }

    [Fact]
    public async Task Export_to_dash_writes_json_lines_to_stdout_and_the_count_to_stderr()
    {
        using (var client = _emulator.CreateClient())
        {
            await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("我选 7 Days Inn.")]);
        }

        var run = await ToolProcess.RunAsync(Variables, null, "export", "--user", "alice", "--messages", "--output", "-");

        run.ExitCode.Should().Be(0, run.Error);
        var line = JsonDocument.Parse(run.Output).RootElement;
        line.GetProperty("conversation_id").GetString().Should().Be("trip");
        line.GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("我选 7 Days Inn.");
        run.Error.Should().Contain("Exported 1 conversations (1 messages)");
        File.Exists("-").Should().BeFalse();
    }

    [Fact]
    public async Task Options_without_effect_are_warned_about()
    {
        var emulator = await ToolProcess.RunAsync((IReadOnlyDictionary<string, string>?)null, null, "search", "--emulator", "--base-url", "https://example.invalid", "--user", "alice", "tea");
        var export = await ToolProcess.RunAsync(Variables, null, "export", "--user", "alice", "--conversation", "trip");

        emulator.ExitCode.Should().Be(0, emulator.Error);
        emulator.Error.Should().Contain("warning: --base-url and --api-key have no effect with --emulator");
        export.ExitCode.Should().Be(0, export.Error);
        export.Error.Should().Contain("warning: --conversation has no effect without --messages");
    }

    [Fact]
    public async Task Ctrl_c_says_what_it_waits_for_and_a_second_stops_at_once_leaving_the_requests_in_flight_uncertain()
    {
        var file = WriteFile("history.jsonl", History(4));
        var checkpoint = Path.Combine(_folder, "checkpoint.jsonl");

        // A service that takes the connection and never answers: the request stays in flight.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/api/openmem/v1";
        using var import = ToolProcess.Start(null, "import", file, "--checkpoint", checkpoint, "--max-concurrency", "2", "--api-key", "k", "--base-url", url);
        import.Input.Close();
        using var connection = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));

        await import.SignalAsync("INT");
        await import.WaitForErrorAsync("cancelling");
        var first = import.Error;
        await import.SignalAsync("INT");
        var code = await import.ExitAsync();

        first.Should().MatchRegex(@"cancelling; waiting for \d+ requests? in flight");
        code.Should().Be(130);
        import.Error.Should().Contain("stopped");

        // Run again: what was in flight is settled by reading the conversations back, never sent blindly.
        // (The emulator stands in for the same service under another URL.)
        var resumed = await ToolProcess.RunAsync(Variables, null, "import", file, "--checkpoint", checkpoint, "--checkpoint-any-target", "--json");
        resumed.ExitCode.Should().Be(0, resumed.Error);
        var report = JsonDocument.Parse(resumed.Output).RootElement;
        report.GetProperty("read_backs").GetInt64().Should().BeGreaterThan(0);
        report.GetProperty("messages_may_have_been_applied").GetInt64().Should().Be(0);
        report.GetProperty("messages_written").GetInt64().Should().Be(8);
        using var client = _emulator.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            (await client.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = $"c{i}", MessageLimitNumber = 50 })).Messages.Should().HaveCount(2, "each message is stored once");
        }
    }

    [Fact]
    public async Task Ctrl_c_while_reading_a_pipe_cancels_with_130()
    {
        using var import = ToolProcess.Start(Variables, "import", "-", "--json");
        await import.Input.WriteAsync(History(1));
        await import.Input.FlushAsync();
        await import.WaitForErrorAsync("reading standard input to its end");

        // The pipe stays open: the read is pending when Ctrl+C comes.
        await import.SignalAsync("INT");
        var code = await import.ExitAsync();

        code.Should().Be(130, import.Error);
        import.Error.Should().Contain("memos: cancelled");
    }
}
