using System.Net;
using System.Text;
using MemOS.Client.Chat;
using MemOS.Client.Server;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// How a stream's bytes become events, and how a stream that ends wrong becomes an error, on the
/// cloud route (<c>/chat</c>, end marker required unless configured otherwise) and the self-hosted
/// one (<c>/product/chat/stream</c>, no end marker). The server writes raw bytes, flushing each chunk.
/// </summary>
public sealed class StreamFramingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public enum Route
    {
        Cloud,
        CloudWithoutEndMarker,
        SelfHosted,
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.CloudWithoutEndMarker)]
    [InlineData(Route.SelfHosted)]
    public async Task A_body_that_ends_inside_an_event_throws_after_the_events_before_it(Route route)
    {
        await using var server = await Serving("data: {\"type\":\"text\",\"data\":\"Hello\"}\n\n", "data: {\"type\":\"text\",\"da");
        var received = new List<ChatStreamEvent>();

        var act = () => ReadInto(server, route, received);

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.Message.Should().Contain("in the middle of an event");
        error.IsTransient.Should().BeTrue();
        received.Should().Equal(new ChatTextDelta("Hello"));
    }

    [Theory]
    [InlineData(Route.CloudWithoutEndMarker)]
    [InlineData(Route.SelfHosted)]
    public async Task A_last_event_without_its_blank_line_is_accepted_when_its_json_is_complete(Route route)
    {
        await using var server = await Serving("data: {\"type\":\"text\",\"data\":\"Hello\"}\n\n", "data: {\"type\":\"text\",\"data\":\" world\"}");

        var events = await Read(server, route);

        events.Should().Equal(new ChatTextDelta("Hello"), new ChatTextDelta(" world"), new ChatStreamEnd());
    }

    [Fact]
    public async Task A_cloud_end_event_without_its_line_end_ends_the_stream()
    {
        await using var server = await Serving("data: {\"type\":\"text\",\"data\":\"Hi\"}\n\n", "data: {\"type\":\"end\"}");

        var events = await Read(server, Route.Cloud);

        events.Should().Equal(new ChatTextDelta("Hi"), new ChatStreamEnd());
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.SelfHosted)]
    public async Task Keep_alives_and_comments_are_not_events(Route route)
    {
        await using var server = await Serving(
            ": ping\n\n",
            "data:\n\n",
            "data: \n\n",
            "event: ping\ndata:\n\n",
            "event: message\n\n",
            "id: 7\nretry: 1000\n\n",
            "data: {\"type\":\"text\",\"data\":\"Hi\"}\n\n",
            "data:\ndata:   \n\n",
            ":\n\n",
            "data: {\"type\":\"end\"}\n\n");

        var events = await Read(server, route);

        events.Should().Equal(new ChatTextDelta("Hi"), new ChatStreamEnd());
    }

    [Fact]
    public async Task Heartbeat_comments_keep_a_slow_answer_alive_past_the_idle_timeout()
    {
        // The idle timeout is 1 s; the second answer says nothing but ": ping" every 100 ms for 2 s. The
        // first answer is immediate: it warms the process up, so that a cold start's pauses (JIT,
        // thread-pool growth: seen to stall a fresh .NET 8 test process for 0.9 s) are not counted as idle time.
        var answered = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            if (Interlocked.Increment(ref answered) > 1)
            {
                for (var i = 0; i < 20; i++)
                {
                    await Write(context, ": ping\n\n");
                    await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
                }
            }

            await Write(context, "data: {\"type\":\"text\",\"data\":\"Thought it through.\"}\n\ndata: {\"type\":\"end\"}\n\n");
        });
        using var client = server.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromSeconds(1));
        await client.ChatStreamAsync("u", "c", "warm up").ToListAsync().AsTask().WaitAsync(Bound);

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound);

        events.Should().Equal(new ChatTextDelta("Thought it through."), new ChatStreamEnd());
    }

    [Fact]
    public async Task An_event_trickling_in_byte_by_byte_keeps_the_stream_alive()
    {
        const string Event = "data: {\"type\":\"text\",\"data\":\"slow\"}\n\n";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            // 14 parts 60 ms apart: the event takes over 800 ms, no read waits more than 60 ms.
            foreach (var part in Event.Chunk(3))
            {
                await Write(context, new string(part));
                await Task.Delay(TimeSpan.FromMilliseconds(60), context.RequestAborted);
            }

            await Write(context, "data: [DONE]\n\n");
        });
        using var client = server.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(500));

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound);

        events.Should().Equal(new ChatTextDelta("slow"), new ChatStreamEnd());
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.SelfHosted)]
    public async Task A_plain_text_error_event_keeps_the_services_text_with_the_key_redacted(Route route)
    {
        await using var server = await Serving(
            "data: {\"type\":\"text\",\"data\":\"partial\"}\n\n",
            $"event: error\ndata: upstream model timed out (key {LoopbackServer.ApiKey})\n\n");
        var received = new List<ChatStreamEvent>();

        var act = () => ReadInto(server, route, received);

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.ServerMessage.Should().Be("upstream model timed out (key ***)");
        error.Message.Should().Contain("upstream model timed out").And.NotContain(LoopbackServer.ApiKey);
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        received.Should().Equal(new ChatTextDelta("partial"));
    }

    [Fact]
    public async Task A_json_error_event_named_by_its_event_line_keeps_its_content()
    {
        await using var server = await Serving("event: error\ndata: {\"type\":\"error\",\"content\":\"quota gone\"}\n\n");

        var act = () => Read(server, Route.Cloud);

        (await act.Should().ThrowAsync<MemOSStreamException>()).Which.ServerMessage.Should().Be("quota gone");
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.SelfHosted)]
    public async Task Text_events_read_the_same_whatever_their_spacing_escapes_member_order_or_extra_members(Route route)
    {
        await using var server = await Serving(
            "data: {\"type\": \"reasoning\", \"data\": \"Think\"}\n\n",
            "data: { \"data\" :\t\"a\" , \"type\" : \"text\" }\n\n",
            "data: {\"type\":\"text\",\"data\":\"\\u4f60\\u597d \\\"q\\\" \\\\ \\/\\n\\t\\r\\b\\f\\ud83d\\ude00\"}\n\n",
            $"data: {{\"type\":\"text\",\"data\":\"{string.Concat(Enumerable.Repeat("\\u00e9", 100))}\"}}\n\n",
            "data: {\"type\":\"text\",\"data\":\"\"}\n\n",
            "data: {\"type\":\"text\",\"data\":\"kept\",\"index\":3}\n\n",
            "data: {\"type\":\"text\",\"data\":\"first\",\"data\":\"last\"}\n\n",
            "data: {\"t\\u0079pe\":\"text\",\"data\":\"escaped name\"}\n\n",
            "data: {\"type\":\"text\",\"data\":{\"nested\":true}}\n\n",
            "data: {\"type\":\"end\",\"data\":\"done\"}\n\n");

        var events = await Read(server, route);

        events.Should().Equal(
            new ChatReasoningDelta("Think"),
            new ChatTextDelta("a"),
            new ChatTextDelta("你好 \"q\" \\ /\n\t\r\b\f😀"),
            new ChatTextDelta(new string('é', 100)),
            new ChatTextDelta(string.Empty),
            new ChatTextDelta("kept"),
            new ChatTextDelta("last"),
            new ChatTextDelta("escaped name"),
            new ChatTextDelta("{\"nested\":true}"),
            new ChatStreamEnd());
    }

    [Theory]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"x\"", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"x\",}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\" \"data\":\"x\"}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"a\tb\"}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"bad \\x escape\"}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"x\\\"}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"data\":\"\\udc00\",\"type\":\"reasoning\"}", "not valid text")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"\\ud83dx\"}", "not valid text")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"\\u12G4\"}", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"\\u12\"}", "not valid JSON")]
    [InlineData(Route.SelfHosted, "{\"type\":\"text\",\"data\":\"x\"", "not valid JSON")]
    [InlineData(Route.Cloud, "Hello, plain text", "not valid JSON")]
    [InlineData(Route.Cloud, "{\"type\":\"text\",\"data\":\"x\"} trailing", "not valid JSON")]
    [InlineData(Route.SelfHosted, "{\"type\":\"text\",\"data\":\"\\ud800\"}", "not valid text")]
    public async Task A_complete_event_that_does_not_parse_is_an_error_naming_the_problem(Route route, string data, string problem)
    {
        await using var server = await Serving("data: {\"type\":\"text\",\"data\":\"ok\"}\n\n", $"data: {data}\n\n", "data: {\"type\":\"end\"}\n\n");
        var received = new List<ChatStreamEvent>();

        var act = () => ReadInto(server, route, received);

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.Message.Should().Contain("unreadable event").And.Contain(problem);
        error.IsTransient.Should().BeFalse();
        received.Should().Equal(new ChatTextDelta("ok"));
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.SelfHosted)]
    public async Task An_event_whose_bytes_are_not_utf8_is_an_error(Route route)
    {
        byte[] invalid = [.. "data: {\"type\":\"text\",\"data\":\""u8, 0xFF, 0xFE, .. "\"}\n\n"u8];
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await context.Response.Body.WriteAsync(invalid, context.RequestAborted);
        });

        var act = () => Read(server, route);

        (await act.Should().ThrowAsync<MemOSStreamException>()).Which.Message.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public async Task Unknown_types_with_valid_json_still_pass_through()
    {
        await using var server = await Serving("data: {\"type\":\"usage\",\"data\":{\"tokens\":3}}\n\n", "data: [1, 2]\n\n", "data: \"plain\"\n\n", "data: [DONE]\n\n");

        var events = await Read(server, Route.Cloud);

        events.Should().Equal(
            new ChatStreamUnknown("usage", "{\"type\":\"usage\",\"data\":{\"tokens\":3}}"),
            new ChatStreamUnknown("message", "[1, 2]"),
            new ChatStreamUnknown("message", "\"plain\""),
            new ChatStreamEnd());
    }

    [Theory]
    [InlineData(Route.Cloud)]
    [InlineData(Route.SelfHosted)]
    public async Task An_event_larger_than_MaxStreamEventBytes_throws_after_the_events_before_it(Route route)
    {
        var fits = new string('a', 1024 - "{\"type\":\"text\",\"data\":\"\"}".Length);
        await using var server = await Serving(
            $"data: {{\"type\":\"text\",\"data\":\"{fits}\"}}\n\n",
            $"data: {{\"type\":\"text\",\"data\":\"{fits}a\"}}\n\n",
            "data: {\"type\":\"end\"}\n\n");
        var received = new List<ChatStreamEvent>();

        var act = () => ReadInto(server, route, received, maxEventBytes: 1024);

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.Message.Should().Contain("larger than 1024 bytes").And.Contain("MaxStreamEventBytes");
        received.Should().Equal(new ChatTextDelta(fits));
    }

    [Fact]
    public async Task Data_lines_that_add_up_past_MaxStreamEventBytes_throw()
    {
        var line = "data: " + new string('a', 400) + "\n";
        await using var server = await Serving(line, line, line, "\n");

        var act = () => ReadInto(server, Route.Cloud, [], maxEventBytes: 1024);

        (await act.Should().ThrowAsync<MemOSStreamException>()).Which.Message.Should().Contain("larger than 1024 bytes");
    }

    [Fact]
    public async Task An_endless_line_fails_at_the_limit_instead_of_being_buffered()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // 64 MB of one comment line, unless the client gives up first.
            await Respond.StartEventStream(context);
            var chunk = Encoding.UTF8.GetBytes(": " + new string('x', 8190));
            for (var written = 0; written < 64 * 1024 * 1024 && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        var act = () => ReadInto(server, Route.Cloud, [], maxEventBytes: 64 * 1024);

        (await act.Should().ThrowAsync<MemOSStreamException>().WaitAsync(Bound)).Which.Message.Should().Contain("larger than 65536 bytes");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public async Task Lines_may_end_in_crlf_cr_or_lf_and_data_lines_are_joined(string newline)
    {
        var body = "\uFEFFevent: message" + newline + "data: {\"type\":\"text\"," + newline + "data: \"data\":\"joined\"}" + newline + newline
            + "data: {\"type\":\"end\"}" + newline + newline;
        await using var server = await Serving([.. body.Select(c => c.ToString())]);

        var events = await Read(server, Route.Cloud);

        events.Should().Equal(new ChatTextDelta("joined"), new ChatStreamEnd());
    }

    [Fact]
    public void MaxStreamEventBytes_must_be_positive_on_both_clients()
    {
        var cloud = () => new MemOSClient(new MemOSClientOptions { ApiKey = "key", MaxStreamEventBytes = 0 });
        var selfHosted = () => new MemOSServerClient(new MemOSServerClientOptions { BaseUrl = new Uri("http://127.0.0.1:8001"), MaxStreamEventBytes = -1 });

        cloud.Should().Throw<ArgumentException>().WithMessage("*MemOSClientOptions.MaxStreamEventBytes is '0'; use a positive number of bytes*");
        selfHosted.Should().Throw<ArgumentException>().WithMessage("*MemOSServerClientOptions.MaxStreamEventBytes is '-1'; use a positive number of bytes*");
        new MemOSClientOptions().MaxStreamEventBytes.Should().Be(4 * 1024 * 1024);
        new MemOSServerClientOptions().MaxStreamEventBytes.Should().Be(4 * 1024 * 1024);
    }

    /// <summary>A server that writes each chunk and flushes it, then ends the response normally.</summary>
    private static Task<LoopbackServer> Serving(params string[] chunks)
        => LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            foreach (var chunk in chunks)
            {
                await Write(context, chunk);
            }
        });

    private static async Task Write(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task<List<ChatStreamEvent>> Read(LoopbackServer server, Route route)
    {
        var received = new List<ChatStreamEvent>();
        await ReadInto(server, route, received);
        return received;
    }

    private static async Task ReadInto(LoopbackServer server, Route route, List<ChatStreamEvent> received, int? maxEventBytes = null)
    {
        if (route == Route.SelfHosted)
        {
            using var selfHosted = server.CreateServerClient(o => o.MaxStreamEventBytes = maxEventBytes ?? o.MaxStreamEventBytes);
            await foreach (var item in selfHosted.ChatStreamAsync(new ServerChatRequest { UserId = "u", Query = "q" }))
            {
                received.Add(item);
            }

            return;
        }

        using var cloud = server.CreateClient(o =>
        {
            o.MaxStreamEventBytes = maxEventBytes ?? o.MaxStreamEventBytes;
            o.RequireStreamEndMarker = route == Route.Cloud;
        });
        await foreach (var item in cloud.ChatStreamAsync("u", "c", "hi"))
        {
            received.Add(item);
        }
    }
}
