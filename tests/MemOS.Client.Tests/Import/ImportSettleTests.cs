using System.Text.Json;
using System.Text.Json.Nodes;
using MemOS.Client.Import;
using MemOS.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// Settling writes that may have been applied, against a loopback server that stores messages and
/// drops the connection after applying some requests (wholly or in part) and before applying others.
/// </summary>
public sealed class ImportSettleTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ConversationServer _store = new();
    private LoopbackServer? _server;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static async IAsyncEnumerable<ConversationImport> Stream(IEnumerable<ConversationImport> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static List<ConversationImport> Conversations(int count, int messages) =>
        [.. Enumerable.Range(0, count).Select(i => new ConversationImport
        {
            UserId = "u",
            ConversationId = $"c{i}",
            Messages = [.. Enumerable.Range(0, messages).Select(j => (j % 2 == 0 ? MemOSMessage.User($"c{i} m{j:00}") : MemOSMessage.Assistant($"c{i} m{j:00}")) with { ChatTime = $"2025-03-01 10:{j:00}:00" })],
        })];

    private async Task<MemOSClient> StartAsync(Func<int, Fate> fateOfRequest)
    {
        _store.FateOf = fateOfRequest;
        _server = await LoopbackServer.StartAsync(_store.HandleAsync);
        return _server.CreateClient(o => o.Retry.MaxRetries = 0);
    }

    [Fact]
    public async Task Requests_applied_wholly_or_partly_before_the_connection_dropped_are_settled_and_every_message_is_stored_exactly_once()
    {
        // Of every five requests: one applied then dropped, one half applied then dropped, one dropped unapplied.
        using var client = await StartAsync(n => (n % 5) switch { 1 => Fate.ApplyThenDrop, 2 => Fate.ApplyHalfThenDrop, 3 => Fate.DropUnapplied, _ => Fate.Apply });
        var conversations = Conversations(12, 9);

        var report = await client.ImportAsync(
            Stream(conversations),
            new ImportOptions { MaxConcurrency = 4, MaxMessagesPerRequest = 4, TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);

        report.Succeeded.Should().BeTrue();
        report.Progress.WritesSettled.Should().BeGreaterThan(10);
        report.Progress.MessagesWritten.Should().Be(12 * 9);
        foreach (var conversation in conversations)
        {
            _store.Texts("u", conversation.ConversationId).Should().Equal(conversation.Messages.Select(m => m.Content!.Text), "every message is stored once, in order");
            var indexes = report.Written.Where(r => r.ConversationId == conversation.ConversationId).SelectMany(r => Enumerable.Range(r.Start, r.Count));
            indexes.Should().BeEquivalentTo(Enumerable.Range(0, 9), "each message is reported written exactly once");
        }

        // A message the server applied is never sent again; one it never applied is sent until it is.
        foreach (var text in conversations.SelectMany(c => c.Messages).Select(m => m.Content!.Text!))
        {
            _store.TimesSent(text).Should().Be(_store.TimesDroppedUnapplied(text) + 1, $"'{text}' is re-sent only when the read-back showed it missing");
        }
    }

    [Fact]
    public async Task A_conversation_that_repeats_its_messages_cannot_be_settled_and_is_named_with_the_reason_not_sent_twice()
    {
        using var client = await StartAsync(n => n == 2 ? Fate.ApplyThenDrop : Fate.Apply);
        var conversation = new ConversationImport { UserId = "u", ConversationId = "loop", Messages = [MemOSMessage.User("ok"), MemOSMessage.User("ok"), MemOSMessage.User("done")] };

        var report = await client.ImportAsync(Stream([conversation]), new ImportOptions { MaxMessagesPerRequest = 1, TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);

        var open = report.MayHaveBeenApplied.Should().ContainSingle().Subject;
        open.Range.Should().Be(new ImportRange("u", "loop", 1, 1));
        open.Error.Message.Should().Contain("not settled").And.Contain("repeats the same messages");
        report.Written.Should().Equal(new ImportRange("u", "loop", 0, 1), new ImportRange("u", "loop", 2, 1));
        _store.Texts("u", "loop").Should().Equal("ok", "ok", "done");
    }

    [Fact]
    public async Task A_conversation_another_writer_appended_to_is_not_guessed_at()
    {
        var conversation = Conversations(1, 2)[0];
        using var client = await StartAsync(n => n == 1 ? Fate.ApplyThenDrop : Fate.Apply);
        _store.AfterEachWrite = (user, id) => _store.Append(user, id, "user", "written by someone else", null);

        var report = await client.ImportAsync(Stream([conversation]), new ImportOptions { TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);

        report.MayHaveBeenApplied.Should().ContainSingle().Which.Error.Message.Should().Contain("something else changed it");
        _store.Texts("u", "c0").Should().Equal("c0 m00", "c0 m01", "written by someone else");
    }

    [Fact]
    public async Task With_settling_off_a_dropped_request_is_reported_as_may_have_been_applied_and_not_read_back()
    {
        using var client = await StartAsync(n => n == 1 ? Fate.ApplyThenDrop : Fate.Apply);

        var report = await client.ImportAsync(Stream(Conversations(1, 3)), new ImportOptions { SettleAmbiguousWrites = false }).WaitAsync(Bound);

        report.MayHaveBeenApplied.Should().ContainSingle().Which.Range.Should().Be(new ImportRange("u", "c0", 0, 3));
        report.Progress.ReadBacks.Should().Be(0);
        _server!.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_service_that_loses_every_answer_is_settled_a_bounded_number_of_times_then_named_not_applied()
    {
        // Every add/message is dropped unapplied: each read-back finds the messages missing, so each
        // settle sends them again, up to MaxRetriesPerRequest times; the last read-back shows them
        // missing, so they are reported not applied rather than sent for ever.
        using var client = await StartAsync(_ => Fate.DropUnapplied);

        var report = await client.ImportAsync(Stream(Conversations(1, 2)), new ImportOptions { MaxRetriesPerRequest = 3, TimeProvider = new AutoAdvancingTimeProvider() }).WaitAsync(Bound);

        var failed = report.NotApplied.Should().ContainSingle().Subject;
        failed.Range.Should().Be(new ImportRange("u", "c0", 0, 2));
        failed.Error.Message.Should().Contain("after 4 sends whose answers were lost").And.Contain("MaxRetriesPerRequest");
        report.MayHaveBeenApplied.Should().BeEmpty();
        report.Progress.ReadBacks.Should().Be(4);
        _server!.Requests.Count(r => r.Path.EndsWith("/add/message", StringComparison.Ordinal)).Should().Be(4, "the first send and three sent again");
        _store.Texts("u", "c0").Should().BeEmpty();
    }

    public enum Fate
    {
        Apply,
        ApplyThenDrop,
        ApplyHalfThenDrop,
        DropUnapplied,
    }

    /// <summary>add/message and get/message over an in-memory store, with a chosen fate per add/message request.</summary>
    private sealed class ConversationServer
    {
        private readonly Dictionary<(string, string), List<(string Role, string Content, string? ChatTime)>> _conversations = [];
        private readonly Dictionary<string, int> _sent = [];
        private readonly Dictionary<string, int> _droppedUnapplied = [];
        private int _requests;

        public Func<int, Fate> FateOf { get; set; } = _ => Fate.Apply;

        public Action<string, string>? AfterEachWrite { get; set; }

        public IReadOnlyList<string> Texts(string userId, string conversationId)
        {
            lock (_conversations)
            {
                return _conversations.TryGetValue((userId, conversationId), out var list) ? [.. list.Select(m => m.Content)] : [];
            }
        }

        public int TimesSent(string text)
        {
            lock (_conversations)
            {
                return _sent.GetValueOrDefault(text);
            }
        }

        public int TimesDroppedUnapplied(string text)
        {
            lock (_conversations)
            {
                return _droppedUnapplied.GetValueOrDefault(text);
            }
        }

        public void Append(string userId, string conversationId, string role, string content, string? chatTime)
        {
            lock (_conversations)
            {
                if (!_conversations.TryGetValue((userId, conversationId), out var list))
                {
                    _conversations[(userId, conversationId)] = list = [];
                }

                list.Add((role, content, chatTime));
            }
        }

        public Task HandleAsync(HttpContext context)
        {
            var body = JsonNode.Parse(LoopbackServer.Body(context))!.AsObject();
            var userId = body["user_id"]!.GetValue<string>();
            var conversationId = body["conversation_id"]!.GetValue<string>();
            return context.Request.Path.Value!.EndsWith("/get/message", StringComparison.Ordinal)
                ? GetMessage(context, userId, conversationId, body["message_limit_number"]?.GetValue<int>() ?? 6)
                : AddMessage(context, userId, conversationId, body["messages"]!.AsArray());
        }

        private Task AddMessage(HttpContext context, string userId, string conversationId, JsonArray messages)
        {
            var fate = FateOf(Interlocked.Increment(ref _requests));
            var parsed = messages.Select(m => (Role: m!["role"]!.GetValue<string>(), Content: m["content"]!.GetValue<string>(), ChatTime: m["chat_time"]?.GetValue<string>())).ToList();
            var applied = fate switch { Fate.DropUnapplied => 0, Fate.ApplyHalfThenDrop => parsed.Count / 2, _ => parsed.Count };
            lock (_conversations)
            {
                foreach (var (message, index) in parsed.Select((m, i) => (m, i)))
                {
                    _sent[message.Content] = _sent.GetValueOrDefault(message.Content) + 1;
                    if (index >= applied)
                    {
                        _droppedUnapplied[message.Content] = _droppedUnapplied.GetValueOrDefault(message.Content) + 1;
                    }
                }
            }

            foreach (var message in parsed.Take(applied))
            {
                Append(userId, conversationId, message.Role, message.Content, message.ChatTime);
            }

            if (applied > 0)
            {
                AfterEachWrite?.Invoke(userId, conversationId);
            }

            if (fate != Fate.Apply)
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return Respond.Text(context, """{"code":0,"data":{"success":true,"task_id":"t","status":"completed"},"message":"ok"}""");
        }

        private Task GetMessage(HttpContext context, string userId, string conversationId, int limit)
        {
            JsonArray list;
            lock (_conversations)
            {
                var stored = _conversations.TryGetValue((userId, conversationId), out var messages) ? messages : [];
                list = [.. stored.TakeLast(limit).Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content, ["chat_time"] = m.ChatTime, ["create_time"] = "2026-01-01 00:00:00" })];
            }

            return Respond.Text(context, new JsonObject { ["code"] = 0, ["message"] = "ok", ["data"] = new JsonObject { ["message_detail_list"] = list } }.ToJsonString());
        }
    }
}
