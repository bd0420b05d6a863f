using System.Text;
using MemOS.Client.Chat;
using MemOS.Client.Messages;
using MemOS.Client.Server;

namespace MemOS.Client.Tests.Answers;

/// <summary>
/// Valid answers of the cloud and self-hosted routes, unary and streamed, served mutated from a raw
/// socket (<see cref="AnswerMutator"/>, seeded): every call must end, within a bound, in a result or
/// a <see cref="MemOSException"/>, never a framework exception; and a failed write whose request the
/// server read must say it may have been applied, unless the answer itself proves it was not.
/// </summary>
public sealed class MalformedAnswerTests
{
    private const int CasesPerRoute = 120;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly byte[] ChatStream = Fixture.Bytes("chat_stream.assembled.sse");
    private static readonly byte[] ServerChatStream = Fixture.Bytes("server_chat_stream.assembled.sse");

    public static TheoryData<string> CloudRoutes => ["search", "add", "chat", "chat stream", "get messages"];

    public static TheoryData<string> ServerRoutes => ["search", "add", "chat/complete", "chat stream", "get"];

    [Theory]
    [MemberData(nameof(CloudRoutes))]
    public async Task A_cloud_answer_however_malformed_ends_in_a_result_or_a_MemOSException(string route)
    {
        await using var server = new RawAnswerServer();
        using var client = new MemOSClient(CloudOptions(server.Port));
        var (body, contentType, isWrite, call) = route switch
        {
            "search" => (Fixture.Bytes("search_memory.response.legacy_2025.json"), "application/json", false, (Func<Task>)(() => client.SearchMemoryAsync("u", "q"))),
            "add" => (Fixture.Bytes("add_message.response.json"), "application/json", true, () => client.AddMessageAsync("u", "c", [MemOSMessage.User("hi")])),
            "chat" => ("""{"code":0,"message":"ok","data":{"response":"Hi, Ann."}}"""u8.ToArray(), "application/json", true, () => client.ChatAsync("u", "c", "hi")),
            "chat stream" => (ChatStream, "text/event-stream", true, () => client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask()),
            _ => (Fixture.Bytes("get_message.response.json"), "application/json", false, () => client.GetMessagesAsync(new GetMessageRequest { UserId = "u", ConversationId = "c" })),
        };

        (await Escapes(server, body, contentType, isWrite, call, seed: Seed(route, 33))).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ServerRoutes))]
    public async Task A_self_hosted_answer_however_malformed_ends_in_a_result_or_a_MemOSException(string route)
    {
        await using var server = new RawAnswerServer();
        using var client = new MemOSServerClient(ServerOptions(server.Port));
        var (body, contentType, isWrite, call) = route switch
        {
            "search" => ("""{"code": 200, "message": "Search completed successfully", "data": {"text_mem": [{"cube_id": "cube-1", "memories": [{"id": "mem-1", "memory": "Ann loves green tea."}]}], "pref_mem": []}}"""u8.ToArray(),
                "application/json", false, (Func<Task>)(() => client.SearchMemoryAsync(new ServerSearchMemoryRequest { UserId = "u", Query = "q" }))),
            "add" => ("""{"code": 200, "message": "Memory added successfully", "data": [{"memory": "Ann loves green tea.", "memory_id": "mem-1", "memory_type": "UserMemory", "cube_id": "cube-1"}]}"""u8.ToArray(),
                "application/json", true, (Func<Task>)(() => client.AddMemoryAsync(new ServerAddMemoryRequest { UserId = "u", Messages = [ServerMessage.User("hi")] }))),
            "chat/complete" => ("""{"message": "ok", "data": {"response": "Green tea.", "reasoning": "She said so."}}"""u8.ToArray(),
                "application/json", true, (Func<Task>)(() => client.ChatCompleteAsync(new ServerChatRequest { UserId = "u", Query = "q" }))),
            "chat stream" => (ServerChatStream, "text/event-stream", true, (Func<Task>)(() => client.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }).ToListAsync().AsTask())),
            _ => ("""{"code": 200, "message": "ok", "data": [{"cube_id": "cube-1", "memories": []}]}"""u8.ToArray(),
                "application/json", false, (Func<Task>)(() => client.GetMemoryAsync(new ServerGetMemoryRequest { UserId = "u", MemCubeId = "cube-1" }))),
        };

        (await Escapes(server, body, contentType, isWrite, call, seed: Seed(route, 3300))).Should().BeEmpty();
    }

    [Fact]
    public async Task Invalid_UTF8_inside_a_JSON_string_is_an_unreadable_answer_and_a_write_may_have_been_applied()
    {
        // A chat (a write: it stores the turn) whose answer holds a byte that is never UTF-8 in its text.
        await using var server = new RawAnswerServer();
        using var client = new MemOSClient(CloudOptions(server.Port));
        server.Answer(RawAnswerServer.Framed([.. "{\"code\":0,\"message\":\"ok\",\"data\":{\"response\":\"tea "u8, 0xFF, .. "\"}}"u8]));

        var chat = () => client.ChatAsync("u", "c", "hi");
        var failure = (await chat.Should().ThrowAsync<MemOSException>()).Which;

        failure.Message.Should().Contain("not valid JSON");
        failure.WriteMayHaveBeenApplied.Should().BeTrue("the server read the request before it answered");
        server.Requests.Should().Be(1, "a write is not sent again after an answer the client cannot read");
    }

    // Attempts have a short limit, retries are few and their waits jump on a fake clock: a case is quick.
    // string.GetHashCode differs from run to run; this seed does not, so a failing case can be rerun.
    private static int Seed(string route, int salt) => route.Aggregate(salt, (seed, c) => unchecked((seed * 31) + c));

    private static MemOSClientOptions CloudOptions(int port) => new()
    {
        ApiKey = LoopbackServer.ApiKey,
        BaseUrl = new Uri($"http://127.0.0.1:{port}/api/openmem/v1"),
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = QuickRetry,
        StreamIdleTimeout = TimeSpan.FromSeconds(10),
    };

    private static MemOSServerClientOptions ServerOptions(int port) => new()
    {
        ApiKey = LoopbackServer.ApiKey,
        BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
        TimeProvider = new AutoAdvancingTimeProvider(),
        Retry = QuickRetry,
        StreamIdleTimeout = TimeSpan.FromSeconds(10),
    };

    private static MemOSRetryOptions QuickRetry => new() { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(10) };

    private static async Task<List<string>> Escapes(RawAnswerServer server, byte[] body, string contentType, bool isWrite, Func<Task> call, int seed)
    {
        // The valid answer first: a case that fails on it would prove nothing about malformed ones.
        server.Answer(RawAnswerServer.Framed(body, contentType: contentType));
        await call().WaitAsync(Bound);

        var mutator = new AnswerMutator(seed);
        var escapes = new List<string>();
        for (var i = 0; i < CasesPerRoute; i++)
        {
            var (raw, what) = mutator.Mutate(body, contentType);
            server.Answer(raw);
            var before = server.Requests;
            try
            {
                await call().WaitAsync(Bound);
            }
            catch (MemOSException failure)
            {
                var reached = server.Requests > before;
                if (isWrite && reached && !failure.WriteMayHaveBeenApplied && !failure.ProvesNotProcessed)
                {
                    escapes.Add($"case {i} ({what}): a write the server read failed with WriteMayHaveBeenApplied false: {failure.GetType().Name}: {failure.Message}");
                }
            }
            catch (TimeoutException)
            {
                escapes.Add($"case {i} ({what}): no end within {Bound.TotalSeconds} s");
            }
            catch (Exception other)
            {
                escapes.Add($"case {i} ({what}): {other.GetType().Name}: {other.Message} :: {Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 300)])}");
            }
        }

        return escapes;
    }
}
