using System.Collections.Concurrent;
using System.Text.Json;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Testing;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// Bulk import against the emulator (and a loopback server where the test needs to see the
/// requests): splitting, ordering, adaptive concurrency, no duplicates and resuming.
/// </summary>
public sealed class ImportTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MemOSClient ClientOf(MemOSEmulator emulator) => new(new MemOSClientOptions
    {
        ApiKey = emulator.ApiKey,
        BaseUrl = emulator.BaseUrl,
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = new MemOSRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false, AttemptTimeout = Timeout.InfiniteTimeSpan },
    });

    /// <summary>Conversation i has 1 to 5 messages, each text unique: "c{i} m{j}".</summary>
    /// <summary>A checkpoint line as the importer writes it, with the hash of the messages it records.</summary>
    private static string Entry(ConversationImport conversation, int start, int count, string outcome)
        => JsonSerializer.Serialize(new { user_id = conversation.UserId, conversation_id = conversation.ConversationId, start, count, outcome, sha256 = ImportContentHash.Of(conversation.Messages.Skip(start).Take(count)) });

    private static List<ConversationImport> Conversations(int count) =>
        Enumerable.Range(0, count).Select(i => new ConversationImport
        {
            UserId = $"u{i % 40}",
            ConversationId = $"c{i}",
            Messages = [.. Enumerable.Range(0, 1 + (i % 5)).Select(j => j % 2 == 0
                ? MemOSMessage.User($"c{i} m{j}") with { ChatTime = $"2025-01-01 00:00:{j:00}" }
                : MemOSMessage.Assistant($"c{i} m{j}") with { ChatTime = $"2025-01-01 00:00:{j:00}" })],
        }).ToList();

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(20)]
    public async Task Retries_per_request_beyond_the_clients_cap_are_refused_before_anything_is_sent(int retries)
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"success":true}}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = () => client.ImportAsync(Stream(Conversations(1)), new ImportOptions { MaxRetriesPerRequest = retries });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be(nameof(ImportOptions.MaxRetriesPerRequest));
        server.Requests.Should().BeEmpty();
        new ImportOptions().MaxRetriesPerRequest.Should().Be(MemOSLimits.MaxRetries, "the default is the most the client allows");
    }

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>The texts the emulator stored for each conversation, in the order it stored them.</summary>
    private static async Task<Dictionary<string, string[]>> StoredAsync(MemOSClient client, IEnumerable<ConversationImport> conversations)
    {
        var stored = new ConcurrentDictionary<string, string[]>();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, token) =>
        {
            var result = await client.GetMessagesAsync(new GetMessageRequest { UserId = c.UserId, ConversationId = c.ConversationId, MessageLimitNumber = 50 }, token);
            stored[c.ConversationId] = [.. result.Messages.Select(m => m.Content!)];
        });
        return new Dictionary<string, string[]>(stored);
    }

    /// <summary>Injects a mix of faults each time another 400 messages have been written.</summary>
    private sealed class FaultingProgress(MemOSEmulator emulator) : IProgress<ImportProgress>
    {
        private long _nextAt = 400;

        public int Injections { get; private set; }

        public int MaxConcurrency { get; private set; }

        public int MinConcurrencyAfterRateLimit { get; private set; } = int.MaxValue;

        public void Report(ImportProgress value)
        {
            lock (this)
            {
                MaxConcurrency = Math.Max(MaxConcurrency, value.Concurrency);
                if (value.RateLimitWaits > 0)
                {
                    MinConcurrencyAfterRateLimit = Math.Min(MinConcurrencyAfterRateLimit, value.Concurrency);
                }

                if (value.MessagesWritten < _nextAt)
                {
                    return;
                }

                _nextAt += 400;
                Injections++;
                emulator.InjectFault("add/message", EmulatorFault.ErrorCode(40309), times: 6);
                emulator.InjectFault("add/message", EmulatorFault.HttpError(429, TimeSpan.FromSeconds(2)), times: 2);
                emulator.InjectFault("add/message", EmulatorFault.HttpError(503));
                emulator.InjectFault("add/message", EmulatorFault.DropConnection());
                emulator.InjectFault("add/message", EmulatorFault.ErrorCode(50002));
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Five_thousand_conversations_under_rate_limits_resets_and_5xx_are_written_once_or_reported_and_none_is_lost(bool settle)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var conversations = Conversations(5_000);
        var progress = new FaultingProgress(emulator);

        var report = await client.ImportAsync(
            Stream(conversations),
            new ImportOptions { MaxConcurrency = 8, InitialConcurrency = 4, MaxMessagesPerRequest = 2, RateLimitDelay = TimeSpan.FromMilliseconds(50), SettleAmbiguousWrites = settle, TimeProvider = new AutoAdvancingTimeProvider() },
            progress).WaitAsync(Bound);

        var stored = await StoredAsync(client, conversations);
        progress.Injections.Should().BeGreaterThan(10);
        report.NotApplied.Should().BeEmpty();
        if (settle)
        {
            // The emulator applies nothing it answers with a fault, so every read-back finds the request missing.
            report.MayHaveBeenApplied.Should().BeEmpty();
            report.Progress.WritesSettled.Should().BeGreaterThan(10).And.Be(report.Progress.ReadBacks);
        }
        else
        {
            report.MayHaveBeenApplied.Should().NotBeEmpty("resets, 503s and 50002s after sending leave the outcome open");
            report.MayHaveBeenApplied.Select(f => f.Error).Should().AllBeAssignableTo<MemOSException>().Which.Should().OnlyContain(e => e.WriteMayHaveBeenApplied);
            report.Progress.ReadBacks.Should().Be(0);
        }

        report.Progress.RateLimitWaits.Should().BeGreaterThan(0);
        progress.MinConcurrencyAfterRateLimit.Should().BeLessThan(progress.MaxConcurrency, "a rate limit halves the concurrency");
        progress.MaxConcurrency.Should().BeLessThanOrEqualTo(8);
        var maybe = report.MayHaveBeenApplied.Select(f => f.Range).ToList();
        var total = 0;
        foreach (var conversation in conversations)
        {
            var texts = stored[conversation.ConversationId];
            texts.Should().OnlyHaveUniqueItems();
            texts.Should().BeInAscendingOrder(StringComparer.Ordinal, "a conversation's requests go in order");
            for (var j = 0; j < conversation.Messages.Count; j++)
            {
                total++;
                var written = report.Written.Count(r => r.ConversationId == conversation.ConversationId && j >= r.Start && j < r.End);
                var open = maybe.Count(r => r.ConversationId == conversation.ConversationId && j >= r.Start && j < r.End);
                (written + open).Should().Be(1, $"message {j} of {conversation.ConversationId} is either written or reported as maybe applied, exactly once");
                if (written == 1)
                {
                    texts.Should().Contain($"c{conversation.ConversationId[1..]} m{j}");
                }
            }
        }

        report.Progress.MessagesWritten.Should().Be(report.Written.Sum(r => r.Count));
        (report.Progress.MessagesWritten + report.Progress.MessagesMayHaveBeenApplied).Should().Be(total);
        stored.Values.Sum(t => t.Length).Should().Be((int)report.Progress.MessagesWritten, "the emulator applies nothing it answered with a fault");
        report.Progress.ConversationsDone.Should().Be(5_000);
    }

    [Fact]
    public async Task An_import_into_a_rate_limited_service_backs_off_and_writes_everything_once()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        // A limit far below what 8 requests at once reach even on a loaded machine (at 40 a second, a
        // slow CI machine never reached it): the first second's 8 requests already cross it.
        emulator.SetRateLimit("add/message", 4);

        // The emulator counts its limit on the real clock, so the client waits out Retry-After on it too.
        using var client = new MemOSClient(emulator.CreateOptions());
        var conversations = Conversations(20);

        var report = await client.ImportAsync(Stream(conversations), new ImportOptions { MaxConcurrency = 8, InitialConcurrency = 8 }).WaitAsync(Bound);

        report.Succeeded.Should().BeTrue();
        report.Progress.RateLimitWaits.Should().BeGreaterThan(0, "20 requests, 8 at once, against 4 a second hit the limit");
        var stored = await StoredAsync(client, conversations);
        stored.Values.Sum(t => t.Length).Should().Be(conversations.Sum(c => c.Messages.Count));
        stored.Values.Should().OnlyContain(t => t.Distinct().Count() == t.Length);
    }

    [Fact]
    public async Task A_run_cancelled_halfway_and_resumed_from_its_checkpoint_ends_as_an_uninterrupted_run()
    {
        var conversations = Conversations(1_000);
        var options = new ImportOptions { MaxConcurrency = 6, MaxMessagesPerRequest = 2, TimeProvider = new AutoAdvancingTimeProvider() };

        await using var straight = await MemOSEmulator.StartAsync();
        using var straightClient = ClientOf(straight);
        var uninterrupted = await straightClient.ImportAsync(Stream(conversations), options).WaitAsync(Bound);

        await using var resumed = await MemOSEmulator.StartAsync();
        using var resumedClient = ClientOf(resumed);
        var path = Path.Combine(_folder, "checkpoint.jsonl");
        using var cancel = new CancellationTokenSource();
        ImportReport first;
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            var halfway = new SynchronousProgress(p =>
            {
                if (p.MessagesWritten >= 1_500)
                {
                    cancel.Cancel();
                }
            });
            first = await resumedClient.ImportAsync(Stream(conversations), new ImportOptions { MaxConcurrency = 6, MaxMessagesPerRequest = 2, Checkpoint = checkpoint, TimeProvider = options.TimeProvider }, halfway, cancel.Token).WaitAsync(Bound);
        }

        ImportReport second;
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            checkpoint.LoadedEntries.Should().Be(2 * first.Written.Count, "each request has a line before it is sent and one with its outcome");
            second = await resumedClient.ImportAsync(Stream(conversations), new ImportOptions { MaxConcurrency = 6, MaxMessagesPerRequest = 2, Checkpoint = checkpoint, TimeProvider = options.TimeProvider }).WaitAsync(Bound);
        }

        first.Cancelled.Should().BeTrue();
        first.Succeeded.Should().BeFalse();
        first.Progress.MessagesWritten.Should().BeInRange(1_500, 2_500);
        second.Succeeded.Should().BeTrue();
        second.Progress.MessagesSkipped.Should().Be(first.Progress.MessagesWritten);
        (second.Progress.MessagesSkipped + second.Progress.MessagesWritten).Should().Be(uninterrupted.Progress.MessagesWritten);
        uninterrupted.Progress.MessagesWritten.Should().Be(conversations.Sum(c => c.Messages.Count));
        var expected = await StoredAsync(straightClient, conversations);
        var actual = await StoredAsync(resumedClient, conversations);
        actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Requests_respect_the_message_and_token_limits_and_keep_order_and_chat_time()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, """{"code":0,"data":{"success":true,"task_id":"t"},"message":"ok"}"""));
        using var client = server.CreateClient();
        var messages = Enumerable.Range(0, 7).Select(j => MemOSMessage.User(new string('a', 30) + j) with { ChatTime = $"2025-01-01 00:00:0{j}" }).ToList();

        var report = await client.ImportAsync(
            Stream([new ConversationImport { UserId = "u", ConversationId = "c", Messages = messages }]),
            new ImportOptions { MaxMessagesPerRequest = 3, MaxTokensPerRequest = 40 }).WaitAsync(Bound);

        // Each message is estimated at 8 + 11 = 19 tokens, so two fit in 40.
        report.Succeeded.Should().BeTrue();
        report.Written.Select(r => (r.Start, r.Count)).Should().Equal((0, 2), (2, 2), (4, 2), (6, 1));
        var sent = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("chat_time").GetString()!)).SelectMany(t => t).ToList();
        sent.Should().Equal(messages.Select(m => m.ChatTime));
    }

    [Fact]
    public async Task A_message_over_the_token_limit_is_not_sent_and_the_rest_of_its_conversation_waits()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var conversation = new ConversationImport
        {
            UserId = "u",
            ConversationId = "c",
            Messages = [MemOSMessage.User("short"), MemOSMessage.User(new string('x', 300)), MemOSMessage.User("after")],
        };

        var report = await client.ImportAsync(Stream([conversation]), new ImportOptions { MaxMessagesPerRequest = 1, MaxTokensPerRequest = 50 }).WaitAsync(Bound);

        report.Written.Should().ContainSingle().Which.Should().Be(new ImportRange("u", "c", 0, 1));
        report.NotApplied.Select(f => f.Range.Start).Should().Equal(1, 2);
        report.NotApplied[0].Error.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("tokens");
        report.Succeeded.Should().BeFalse();
        (await StoredAsync(client, [conversation]))["c"].Should().Equal("short");
    }

    [Fact]
    public async Task With_settling_off_a_request_that_may_have_been_applied_is_recorded_not_sent_again_and_a_later_run_settles_it()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var conversations = Conversations(3);
        var path = Path.Combine(_folder, "maybe.jsonl");
        emulator.InjectFault("add/message", EmulatorFault.HttpError(503));

        ImportReport first, second;
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            first = await client.ImportAsync(Stream(conversations), new ImportOptions { MaxConcurrency = 1, InitialConcurrency = 1, Checkpoint = checkpoint, SettleAmbiguousWrites = false }).WaitAsync(Bound);
        }

        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            second = await client.ImportAsync(Stream(conversations), new ImportOptions { Checkpoint = checkpoint, TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);
        }

        var maybe = first.MayHaveBeenApplied.Should().ContainSingle().Subject;
        maybe.Range.Should().Be(new ImportRange("u0", "c0", 0, 1));
        maybe.Error.Should().BeAssignableTo<MemOSException>().Which.WriteMayHaveBeenApplied.Should().BeTrue();
        first.Progress.ReadBacks.Should().Be(0);

        // The 503 applied nothing: the second run reads c0 back, finds its message missing and sends it.
        second.Succeeded.Should().BeTrue();
        second.Written.Should().Equal(maybe.Range);
        second.Progress.ReadBacks.Should().Be(1);
        second.Progress.WritesSettled.Should().Be(1);
        second.Progress.MessagesSkipped.Should().Be(conversations.Sum(c => c.Messages.Count) - 1);
        var stored = await StoredAsync(client, conversations);
        stored.Values.Sum(t => t.Length).Should().Be(conversations.Sum(c => c.Messages.Count));
        stored["c0"].Should().Equal("c0 m0");
    }

    [Fact]
    public async Task Requests_in_flight_when_a_run_was_killed_are_settled_by_the_next_run_applied_ones_not_sent_again()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        var conversations = Conversations(4).Skip(1).ToList();
        var path = Path.Combine(_folder, "killed.jsonl");

        // c1 reached the service before the kill; c3 did not; c2 was rate-limited to the end in the earlier run.
        await client.AddMessageAsync("u1", "c1", [.. conversations[0].Messages]);
        await File.WriteAllLinesAsync(path,
        [
            """{"memos_checkpoint":2}""",
            Entry(conversations[0], 0, 2, "Sending"),
            Entry(conversations[1], 0, 3, "Sending"),
            Entry(conversations[1], 0, 3, "NotApplied"),
            Entry(conversations[2], 0, 2, "Written"),
            Entry(conversations[2], 2, 2, "Sending"),
        ]);
        await client.AddMessageAsync("u3", "c3", [.. conversations[2].Messages.Take(2)]);

        ImportReport report;
        await using (var checkpoint = await FileImportCheckpoint.OpenAsync(path))
        {
            report = await client.ImportAsync(Stream(conversations), new ImportOptions { Checkpoint = checkpoint, TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);
        }

        report.Succeeded.Should().BeTrue();
        report.Progress.ReadBacks.Should().Be(2);
        report.Progress.WritesSettled.Should().Be(2);
        report.Written.Should().BeEquivalentTo([new ImportRange("u1", "c1", 0, 2), new ImportRange("u2", "c2", 0, 3), new ImportRange("u3", "c3", 2, 2)]);
        var stored = await StoredAsync(client, conversations);
        stored["c1"].Should().Equal("c1 m0", "c1 m1");
        stored["c2"].Should().Equal("c2 m0", "c2 m1", "c2 m2");
        stored["c3"].Should().Equal("c3 m0", "c3 m1", "c3 m2", "c3 m3");
    }

    [Fact]
    public async Task A_rate_limit_pauses_for_the_services_retry_after_and_the_request_is_sent_again()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref calls) == 1
            ? RateLimited(context)
            : Respond.Text(context, """{"code":0,"data":{"success":true},"message":"ok"}"""));
        var clock = new AutoAdvancingTimeProvider();

        // The client alone would not retry; the import's retry count replaces its own for its calls.
        using var client = server.CreateClient(o => { o.Retry.MaxRetries = 0; o.TimeProvider = clock; });

        var report = await client.ImportAsync(Stream(Conversations(1)), new ImportOptions { TimeProvider = clock }).WaitAsync(Bound);

        report.Succeeded.Should().BeTrue();
        report.Progress.RateLimitWaits.Should().Be(1, "the import hears of the rate limit on the attempt that met it");
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(7));
        server.Requests.Should().HaveCount(2);

        static Task RateLimited(HttpContext context)
        {
            context.Response.Headers.RetryAfter = "7";
            return Respond.Text(context, """{"code":40309,"message":"rate limited"}""", 429);
        }
    }

    [Fact]
    public async Task A_checkpoint_line_cut_short_by_a_crash_is_ignored()
    {
        var path = Path.Combine(_folder, "torn.jsonl");
        await File.WriteAllTextAsync(path, """{"user_id":"u","conversation_id":"c","start":0,"count":2,"outcome":"Written"}""" + "\n" + """{"user_id":"u","conversation_id":"c","sta""");

        await using var checkpoint = await FileImportCheckpoint.OpenAsync(path);
        await checkpoint.RecordAsync(new ImportCheckpointEntry { UserId = "u", ConversationId = "c", Start = 2, Count = 1, Outcome = ImportOutcome.MayHaveBeenApplied });

        checkpoint.LoadedEntries.Should().Be(1);
        (await checkpoint.GetEntriesAsync("u", "c")).Select(e => (e.Start, e.Outcome)).Should().Equal((0, ImportOutcome.Written), (2, ImportOutcome.MayHaveBeenApplied));
        await checkpoint.DisposeAsync();
        await using var reopened = await FileImportCheckpoint.OpenAsync(path);
        reopened.LoadedEntries.Should().Be(2);
    }

    [Fact]
    public async Task Conversations_are_read_from_json_lines_and_a_bad_line_names_its_number()
    {
        var good = """{"user_id":"u","conversation_id":"c","messages":[{"role":"user","content":"hi","chat_time":"2025-01-01 10:00:00"}]}""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(good + "\n\n{\"user_id\":\"u\"}\n"));

        var read = new List<ConversationImport>();
        var act = async () =>
        {
            await foreach (var c in MemOSImportExtensions.ReadConversationsAsync(stream))
            {
                read.Add(c);
            }
        };

        (await act.Should().ThrowAsync<ImportValidationException>()).Which.Problems.Select(p => p.ToString()).Should().Equal("line 3: conversation_id: is required", "line 3: messages: is required");
        read.Should().ContainSingle().Which.Messages[0].ChatTime.Should().Be("2025-01-01 10:00:00");
    }

    [Fact]
    public async Task Memories_and_messages_export_as_json_lines_and_the_messages_import_again()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn."), MemOSMessage.Assistant("Noted.")]);
        await client.AddMessageAsync("alice", "food", [MemOSMessage.User("I like spicy food.")]);

        using var memories = new MemoryStream();
        using var messages = new MemoryStream();
        var memoryCount = await client.ExportMemoriesAsync("alice", memories);
        var messageCount = (await client.ExportMessagesAsync("alice", null, messages)).Messages;

        var memoryLines = System.Text.Encoding.UTF8.GetString(memories.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        memoryLines.Should().HaveCount((int)memoryCount);
        memoryLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("category").GetString()).Distinct().Should().BeEquivalentTo(["fact", "preference"]);
        memoryLines.Should().OnlyContain(l => JsonDocument.Parse(l).RootElement.GetProperty("memory").GetProperty("id").GetString()!.Length > 0);
        messageCount.Should().Be(3);
        messages.Position = 0;
        await using var target = await MemOSEmulator.StartAsync();
        using var targetClient = ClientOf(target);
        var copied = await targetClient.ImportAsync(MemOSImportExtensions.ReadConversationsAsync(messages)).WaitAsync(Bound);
        copied.Progress.MessagesWritten.Should().Be(3);
        (await targetClient.GetMessagesAsync(new GetMessageRequest { UserId = "alice", ConversationId = "trip" })).Messages.Select(m => m.Content).Should().Equal("I choose 7 Days Inn.", "Noted.");
    }

    [Fact]
    public async Task Export_writes_only_asynchronously_so_a_response_body_that_refuses_synchronous_io_can_take_it()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = ClientOf(emulator);
        await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn.")]);

        using var memories = new AsynchronousOnlyStream();
        using var messages = new AsynchronousOnlyStream();
        var memoryCount = await client.ExportMemoriesAsync("alice", memories);
        var messageCount = (await client.ExportMessagesAsync("alice", null, messages)).Messages;

        memoryCount.Should().BePositive();
        System.Text.Encoding.UTF8.GetString(memories.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount((int)memoryCount);
        messageCount.Should().Be(1);
    }

    // As Kestrel's response body by default: synchronous writes and flushes are refused.
    private sealed class AsynchronousOnlyStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous writes are disallowed.");

        public override void WriteByte(byte value) => throw new InvalidOperationException("Synchronous writes are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous flushes are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            base.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            base.Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
