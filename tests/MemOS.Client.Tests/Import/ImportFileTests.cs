using System.Text;
using System.Text.Json;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests;

/// <summary>
/// Importing JSON Lines files: every line checked before anything is written, conversations that
/// span several lines, the one rule for roles, and export → import round trips.
/// </summary>
public sealed class ImportFileTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-import-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MemOSClient ClientOf(MemOSEmulator emulator) => new(new MemOSClientOptions
    {
        ApiKey = emulator.ApiKey,
        BaseUrl = emulator.BaseUrl,
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = new MemOSRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false, AttemptTimeout = Timeout.InfiniteTimeSpan },
    });

    private static MemoryStream File(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    private static string Line(string userId, string conversationId, params string[] texts)
        => JsonSerializer.Serialize(new
        {
            user_id = userId,
            conversation_id = conversationId,
            messages = texts.Select((t, i) => new { role = i % 2 == 0 ? "user" : "assistant", content = t, chat_time = $"2025-05-0{1 + (i % 9)} 08:00:00" }),
        });

    private static async IAsyncEnumerable<ConversationImport> One(ConversationImport conversation)
    {
        await Task.Yield();
        yield return conversation;
    }

    private static async Task<string[]> StoredAsync(MemOSClient client, string userId, string conversationId)
        => [.. (await client.GetMessagesAsync(new GetMessageRequest { UserId = userId, ConversationId = conversationId, MessageLimitNumber = 50 })).Messages.Select(m => m.Content!)];

    private static readonly string[] BadFile =
    [
        Line("u", "c1", "first"),
        """{"user_id":"u","conversation_id":"c2","messages":[{"role":"robot","content":"beep"}]}""",
        """{"user_id":"u","conversation_id":"c3","messages":[{"role":"user","content":"hi"}""",
        """{"user_id":7,"messages":[]}""",
        Line("u", "c4", "fine"),
        """{"user_id":"u","conversation_id":"c5","messages":[{"role":"user","content":42,"chat_time":5},{"content":"x"}]}""",
        """{"user_id":"u","conversation_id":"c6","messages":[{"role":"tool","content":"result"}]}""",
    ];

    private static readonly string[] BadFileProblems =
    [
        "line 2: messages[0].role: 'robot' is not a role MemOS accepts; use user, assistant, system, tool",
        "line 3: (line): not valid JSON (at character 81)",
        "line 4: user_id: must be a string",
        "line 4: conversation_id: is required",
        "line 4: messages: must hold at least one message",
        "line 6: messages[0].content: must be a string or an array of content parts",
        "line 6: messages[0].chat_time: must be a string",
        "line 6: messages[1].role: is required",
        "line 7: messages[0].tool_call_id: is required and must not be empty",
    ];

    [Fact]
    public async Task Every_problem_of_every_line_is_reported_at_once_and_nothing_is_written()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);

        var act = () => client.ImportJsonLinesAsync(File(BadFile));

        var error = (await act.Should().ThrowAsync<ImportValidationException>()).Which;
        error.Problems.Select(p => p.ToString()).Should().Equal(BadFileProblems);
        error.Message.Should().NotContain("System.").And.NotContain("LineNumber").And.Contain("5 line(s)");
        (await StoredAsync(client, "u", "c1")).Should().BeEmpty("nothing is written while any line is invalid");
        (await StoredAsync(client, "u", "c4")).Should().BeEmpty();
    }

    [Fact]
    public async Task With_skip_invalid_the_valid_lines_are_imported_and_the_invalid_ones_listed()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);

        var report = await client.ImportJsonLinesAsync(File(BadFile), new ImportOptions { SkipInvalid = true }).WaitAsync(Bound);

        report.InvalidLines.Select(p => p.ToString()).Should().Equal(BadFileProblems);
        report.Succeeded.Should().BeFalse("some lines were not imported");
        report.Progress.MessagesWritten.Should().Be(2);
        (await StoredAsync(client, "u", "c1")).Should().Equal("first");
        (await StoredAsync(client, "u", "c4")).Should().Equal("fine");
    }

    [Fact]
    public async Task A_message_over_the_token_limit_is_found_before_anything_is_written()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);

        var act = () => client.ImportJsonLinesAsync(File(Line("u", "c", "short"), Line("u", "d", "ok", new string('x', 600))), new ImportOptions { MaxTokensPerRequest = 100 });

        (await act.Should().ThrowAsync<ImportValidationException>()).Which.Problems.Select(p => p.ToString())
            .Should().Equal("line 2: messages[1].content: is estimated at 208 tokens, more than the 100 one request may carry; shorten or split it");
        (await StoredAsync(client, "u", "c")).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lines_of_the_same_conversation_form_one_conversation_in_file_order(bool checkpointed)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);

        // A conversation exported page by page: its lines interleave with others'.
        var lines = new List<string>();
        var expected = new List<string>();
        for (var page = 0; page < 6; page++)
        {
            var texts = Enumerable.Range(0, 7).Select(j => $"long p{page} m{j}").ToArray();
            expected.AddRange(texts);
            lines.Add(Line("u", "long", texts));
            lines.Add(Line("u", $"other{page}", $"other {page}"));
        }

        var path = Path.Combine(_folder, "same.jsonl");
        ImportReport first, second;
        await using (var checkpoint = checkpointed ? await FileImportCheckpoint.OpenAsync(path) : null)
        {
            first = await client.ImportJsonLinesAsync(File([.. lines]), new ImportOptions { MaxConcurrency = 8, InitialConcurrency = 8, MaxMessagesPerRequest = 3, Checkpoint = checkpoint }).WaitAsync(Bound);
        }

        first.Succeeded.Should().BeTrue();
        first.Progress.MessagesWritten.Should().Be(6 * 7 + 6);
        (await StoredAsync(client, "u", "long")).Should().Equal(expected, "the lines go one after another, in file order");
        first.Written.Where(r => r.ConversationId == "long").SelectMany(r => Enumerable.Range(r.Start, r.Count)).Should().BeEquivalentTo(Enumerable.Range(0, 42), "the conversation's indexes run on across its lines");
        if (!checkpointed)
        {
            return;
        }

        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            second = await client.ImportJsonLinesAsync(File([.. lines]), new ImportOptions { Checkpoint = checkpoint }).WaitAsync(Bound);
        }

        second.Succeeded.Should().BeTrue();
        second.Written.Should().BeEmpty();
        second.Progress.MessagesSkipped.Should().Be(6 * 7 + 6);
        (await StoredAsync(client, "u", "long")).Should().Equal(expected);
    }

    [Fact]
    public async Task A_conversation_resumed_from_its_checkpoint_sends_only_the_lines_not_yet_written()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var path = Path.Combine(_folder, "resume.jsonl");
        string[] lines = [Line("u", "c", "a0", "a1"), Line("u", "c", "b0", "b1"), Line("u", "c", "c0")];

        // The first run wrote the first line only.
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            await client.ImportJsonLinesAsync(File(lines[0]), new ImportOptions { Checkpoint = checkpoint }).WaitAsync(Bound);
        }

        ImportReport report;
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            report = await client.ImportJsonLinesAsync(File(lines), new ImportOptions { Checkpoint = checkpoint }).WaitAsync(Bound);
        }

        report.Progress.MessagesSkipped.Should().Be(2);
        report.Written.Should().Equal(new ImportRange("u", "c", 2, 2), new ImportRange("u", "c", 4, 1));
        (await StoredAsync(client, "u", "c")).Should().Equal("a0", "a1", "b0", "b1", "c0");
    }

    [Fact]
    public async Task Roles_the_service_does_not_document_are_refused_by_the_sdk_the_import_and_the_reader_alike()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var robot = new MemOSMessage { Role = "robot", Content = "beep" };

        var add = () => client.AddMessageAsync("u", "c", [robot]);
        (await add.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'robot' is not a role MemOS accepts");

        var report = await client.ImportAsync(One(new ConversationImport { UserId = "u", ConversationId = "c", Messages = [robot] })).WaitAsync(Bound);
        report.NotApplied.Should().ContainSingle().Which.Error.Should().BeOfType<ArgumentException>();

        var read = async () =>
        {
            await foreach (var _ in MemOSImportExtensions.ReadConversationsAsync(File("""{"user_id":"u","conversation_id":"c","messages":[{"role":"robot","content":"beep"}]}""")))
            {
            }
        };
        (await read.Should().ThrowAsync<ImportValidationException>()).Which.Problems.Should().ContainSingle().Which.Field.Should().Be("messages[0].role");

        MessageRole.Documented.Select(r => r.Value).Should().Equal("user", "assistant", "system", "tool");
        new MessageRole("robot").IsDocumented.Should().BeFalse();
        MessageRole.Tool.IsDocumented.Should().BeTrue();
        (await StoredAsync(client, "u", "c")).Should().BeEmpty();
    }

    [Fact]
    public async Task Messages_exported_and_imported_elsewhere_keep_their_order_roles_and_original_chat_time()
    {
        await using var source = await MemOSEmulator.StartAsync();
        using var sourceClient = ClientOf(source);
        string[] lines = [Line("alice", "trip", "I choose 7 Days Inn.", "Noted.", "And breakfast?"), Line("alice", "food", "I like spicy food.")];
        (await sourceClient.ImportJsonLinesAsync(File(lines)).WaitAsync(Bound)).Succeeded.Should().BeTrue();

        using var exported = new MemoryStream();
        var export = await sourceClient.ExportMessagesAsync("alice", ["trip", "food"], exported);
        export.Should().BeEquivalentTo(new { Messages = 4L, Conversations = 2, Complete = true });

        await using var target = await MemOSEmulator.StartAsync();
        using var targetClient = ClientOf(target);
        exported.Position = 0;
        (await targetClient.ImportJsonLinesAsync(exported).WaitAsync(Bound)).Progress.MessagesWritten.Should().Be(4);
        using var again = new MemoryStream();
        await targetClient.ExportMessagesAsync("alice", ["trip", "food"], again);

        var original = lines.Select(l => JsonSerializer.Deserialize<JsonElement>(l).GetProperty("messages").GetRawText());
        var roundTripped = Encoding.UTF8.GetString(again.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<JsonElement>(l).GetProperty("messages").GetRawText());
        roundTripped.Should().Equal(original, "role, content and chat_time survive export -> import -> export unchanged");
    }

    [Fact]
    public async Task A_conversation_longer_than_get_message_returns_is_named_as_possibly_incomplete()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        await client.ImportJsonLinesAsync(File(Line("u", "long", [.. Enumerable.Range(0, 60).Select(i => $"m{i}")]), Line("u", "short", "hi"))).WaitAsync(Bound);

        using var output = new MemoryStream();
        var export = await client.ExportMessagesAsync("u", ["long", "short"], output);

        export.PossiblyIncomplete.Should().Equal("long");
        export.Complete.Should().BeFalse();
        export.Messages.Should().Be(51);
    }
}
