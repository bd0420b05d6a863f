using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// A checkpoint as a user meets it across runs of the tool: it trusts an entry only for the messages
/// it recorded, and only for the service and key it recorded them in.
/// </summary>
public sealed class CheckpointProcessTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-checkpoint-").FullName;
    private MemOSEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await MemOSEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string> Variables => new() { ["MEMOS_API_KEY"] = _emulator.ApiKey, ["MEMOS_BASE_URL"] = _emulator.BaseUrl.ToString() };

    private static string Line(params string[] texts)
        => JsonSerializer.Serialize(new { user_id = "alice", conversation_id = "trip", messages = texts.Select(t => new { role = "user", content = t }) });

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<List<string>> StoredAsync()
    {
        using var client = _emulator.CreateClient();
        var stored = await client.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = "trip", MessageLimitNumber = 50 });
        return [.. stored.Messages.Select(m => m.Content!)];
    }

    [Fact]
    public async Task A_fixed_middle_line_is_written_on_the_rerun_and_every_message_is_stored_once_in_order()
    {
        // A conversation over three lines; the middle one has a role the service refuses.
        var first = Line("m1", "m2");
        var last = Line("m5", "m6");
        var file = Write("history.jsonl", first, Line("m3", "m4").Replace("\"user\"", "\"robot\"", StringComparison.Ordinal), last);
        var checkpoint = Path.Combine(_folder, "checkpoint.jsonl");

        var partial = await ToolProcess.RunAsync(Variables, null, "import", file, "--skip-invalid", "--checkpoint", checkpoint, "--json");

        partial.ExitCode.Should().Be(1, "a run that wrote less than it was asked to never exits 0");
        (await StoredAsync()).Should().Equal(["m1", "m2"], "the line after the invalid one would be stored before it, out of order");
        partial.Error.Should().Contain("line 2 of conversation alice/trip, before this one, is invalid");

        Write("history.jsonl", first, Line("m3", "m4"), last);
        var rerun = await ToolProcess.RunAsync(Variables, null, "import", file, "--checkpoint", checkpoint, "--json");

        rerun.ExitCode.Should().Be(0, rerun.Error);
        var report = JsonDocument.Parse(rerun.Output).RootElement;
        report.GetProperty("messages_already_written").GetInt64().Should().Be(2);
        report.GetProperty("messages_written").GetInt64().Should().Be(4);
        (await StoredAsync()).Should().Equal("m1", "m2", "m3", "m4", "m5", "m6");
    }

    [Fact]
    public async Task A_line_that_changed_since_the_checkpoint_is_never_skipped_by_its_position_nor_written_twice()
    {
        // The middle line is not JSON at all, so the first run cannot tell its conversation and
        // writes the last line where the middle one belongs.
        var first = Line("m1", "m2");
        var last = Line("m5", "m6");
        var file = Write("history.jsonl", first, "{ not json", last);
        var checkpoint = Path.Combine(_folder, "checkpoint.jsonl");
        var partial = await ToolProcess.RunAsync(Variables, null, "import", file, "--skip-invalid", "--checkpoint", checkpoint);
        partial.ExitCode.Should().Be(1);

        Write("history.jsonl", first, Line("m3", "m4"), last);
        var rerun = await ToolProcess.RunAsync(Variables, null, "import", file, "--checkpoint", checkpoint, "--json");

        // The service holds m1 m2 m5 m6: m3 m4 cannot be placed before m5 any more, and m5 m6 are
        // found there; nothing is sent twice, and the run says it is not complete.
        rerun.ExitCode.Should().Be(1, rerun.Output);
        var stored = await StoredAsync();
        stored.Should().OnlyHaveUniqueItems().And.Contain(["m1", "m2", "m5", "m6"]);
        var report = JsonDocument.Parse(rerun.Output).RootElement;
        report.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        report.GetProperty("read_backs").GetInt64().Should().BeGreaterThan(0, "what the checkpoint recorded at a changed line is checked against what the service holds");
        rerun.Error.Should().Contain("the input changed since");
    }

    [Fact]
    public async Task A_checkpoint_of_another_target_is_refused_and_nothing_is_written()
    {
        var file = Write("history.jsonl", Line("m1", "m2"));
        var checkpoint = Path.Combine(_folder, "checkpoint.jsonl");

        var trial = await ToolProcess.RunAsync((IReadOnlyDictionary<string, string>?)null, null, "import", file, "--emulator", "--checkpoint", checkpoint);
        var real = await ToolProcess.RunAsync(Variables, null, "import", file, "--checkpoint", checkpoint);

        trial.ExitCode.Should().Be(0, trial.Error);
        real.ExitCode.Should().Be(2, real.Output);
        real.Error.Should().Contain("records an import into the service at http://127.0.0.1:").And.Contain("--checkpoint-any-target").And.NotContain(_emulator.ApiKey);
        (await StoredAsync()).Should().BeEmpty();
        File.ReadAllText(checkpoint).Should().NotContain(_emulator.ApiKey);

        // The option says it is the same service under another name: the checkpoint is then trusted.
        var anyway = await ToolProcess.RunAsync(Variables, null, "import", file, "--checkpoint", checkpoint, "--checkpoint-any-target", "--json");
        anyway.ExitCode.Should().Be(0, anyway.Error);
        JsonDocument.Parse(anyway.Output).RootElement.GetProperty("messages_already_written").GetInt64().Should().Be(2);
    }
}
