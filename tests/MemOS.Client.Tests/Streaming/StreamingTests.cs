using System.Text;
using MemOS.Client.Chat;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

public sealed class StreamingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_event_is_delivered_before_the_server_writes_the_next()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"Hello"}""");
            await released.Task.WaitAsync(Bound);
            await Respond.Event(context, """{"type":"text","data":" world"}""");
            await Respond.Event(context, """{"type":"end"}""");
        });
        using var client = server.CreateClient();

        await using var events = client.ChatStreamAsync("u", "c", "hi").GetAsyncEnumerator();
        (await events.MoveNextAsync().AsTask().WaitAsync(Bound)).Should().BeTrue();
        events.Current.Should().Be(new ChatTextDelta("Hello"));

        released.SetResult();
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Should().Be(new ChatTextDelta(" world"));
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.Should().BeOfType<ChatStreamEnd>();
        (await events.MoveNextAsync()).Should().BeFalse();
        server.SingleRequest.BodyJson!["stream"]!.GetValue<bool>().Should().BeTrue();
        server.SingleRequest.Header("Accept").Should().Be("text/event-stream");
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_first_MoveNext()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"end"}""");
        });
        using var client = server.CreateClient();

        var stream = client.ChatStreamAsync("u", "c", "hi");
        server.Requests.Should().BeEmpty();

        await foreach (var _ in stream)
        {
        }

        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Cancelling_mid_stream_closes_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"first"}""");
            await aborted.Task.WaitAsync(Bound);
        });
        using var client = server.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var item in client.ChatStreamAsync("u", "c", "hi", cancellation.Token))
            {
                item.Should().Be(new ChatTextDelta("first"));
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        await aborted.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Breaking_out_of_the_loop_closes_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"first"}""");
            await aborted.Task.WaitAsync(Bound);
        });
        using var client = server.CreateClient();

        var received = new List<ChatStreamEvent>();
        await foreach (var item in client.ChatStreamAsync("u", "c", "hi"))
        {
            received.Add(item);
            break;
        }

        received.Should().Equal(new ChatTextDelta("first"));
        (await Task.WhenAny(aborted.Task, Task.Delay(Bound))).Should().BeSameAs(aborted.Task, "the server sees the request aborted once the caller stops reading");
        await server.Connections.AllClosedAsync(Bound);
        server.Connections.Open.Should().Be(0, "the abandoned stream's connection is closed, not kept in the pool");
    }

    [Theory]
    [InlineData("message")]
    [InlineData(null)]
    public async Task Reasoning_then_text_then_end_with_and_without_event_lines(string? eventName)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"reasoning","data":"Thinking…"}""", eventName);
            await Respond.Event(context, """{"type":"text","data":"你好"}""", eventName);
            await Respond.Event(context, """{"type":"end"}""", eventName);
        });
        using var client = server.CreateClient();

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        events.Should().Equal(new ChatReasoningDelta("Thinking…"), new ChatTextDelta("你好"), new ChatStreamEnd());
    }

    [Fact]
    public async Task Data_sent_as_a_json_string_and_done_sentinel_are_understood()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, "\"{\\\"type\\\":\\\"text\\\",\\\"data\\\":\\\"wrapped\\\"}\"");
            await Respond.Event(context, """{"type":"usage","data":"1"}""");
            await Respond.Event(context, "[DONE]");
        });
        using var client = server.CreateClient();

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        events.Should().Equal(new ChatTextDelta("wrapped"), new ChatStreamUnknown("usage", """{"type":"usage","data":"1"}"""), new ChatStreamEnd());
    }

    [Fact]
    public async Task The_official_client_mock_stream_parses()
    {
        await using var server = await LoopbackServer.StartAsync(context => Respond.Bytes(context, Fixture.Bytes("mocks/chat_stream.pyt.sse"), contentType: "text/event-stream"));
        using var client = server.CreateClient();

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        events.Should().Equal(new ChatTextDelta("first"), new ChatStreamEnd());
    }

    [Theory]
    [InlineData("""{"type":"error","data":"model overloaded"}""", "model overloaded")]
    [InlineData("""{"type":"error","content":"Traceback: boom"}""", "Traceback: boom")]
    public async Task An_error_event_throws_after_the_text_before_it(string frame, string expectedMessage)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"partial"}""");
            await Respond.Event(context, frame);
        });
        using var client = server.CreateClient();
        var received = new List<ChatStreamEvent>();

        var act = async () =>
        {
            await foreach (var item in client.ChatStreamAsync("u", "c", "hi"))
            {
                received.Add(item);
            }
        };

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.ServerMessage.Should().Be(expectedMessage);
        error.Message.Should().Contain(expectedMessage);
        received.Should().Equal(new ChatTextDelta("partial"));
    }

    [Fact]
    public async Task A_stream_cut_off_mid_body_throws_a_transient_stream_exception_after_the_text_before_it()
    {
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"partial"}""");
            await firstReceived.Task.WaitAsync(Bound);
            context.Abort();
        });
        using var client = server.CreateClient();
        var received = new List<ChatStreamEvent>();

        var act = async () =>
        {
            await foreach (var item in client.ChatStreamAsync("u", "c", "hi"))
            {
                received.Add(item);
                firstReceived.TrySetResult();
            }
        };

        (await act.Should().ThrowAsync<MemOSStreamException>()).Which.IsTransient.Should().BeTrue();
        received.Should().Equal(new ChatTextDelta("partial"));
    }

    [Fact]
    public async Task A_stream_closed_without_its_end_event_throws_unless_the_marker_is_optional()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"partial"}""");
        });
        using var strict = server.CreateClient();
        using var lenient = server.CreateClient(o => o.RequireStreamEndMarker = false);

        var act = async () => await strict.ChatStreamAsync("u", "c", "hi").ToListAsync();
        await act.Should().ThrowAsync<MemOSStreamException>().WithMessage("*before its end event*");

        var events = await lenient.ChatStreamAsync("u", "c", "hi").ToListAsync();
        events.Should().Equal(new ChatTextDelta("partial"), new ChatStreamEnd());
    }

    [Fact]
    public async Task A_json_error_envelope_on_a_stream_request_throws_the_mapped_exception()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":40132,"message":"invalid key"}"""u8.ToArray());
        using var client = server.CreateClient();

        var act = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        (await act.Should().ThrowAsync<MemOSAuthenticationException>()).Which.Code.Should().Be(40132);
    }

    [Fact]
    public async Task A_json_server_error_on_a_stream_request_says_the_chat_may_have_been_applied_like_ChatAsync_does()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":50144,"message":"saving the turn failed"}"""u8.ToArray());
        using var client = server.CreateClient();

        var streamed = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();
        var plain = () => client.ChatAsync("u", "c", "hi");

        (await streamed.Should().ThrowAsync<MemOSServerException>()).Which.WriteMayHaveBeenApplied.Should().BeTrue();
        (await plain.Should().ThrowAsync<MemOSServerException>()).Which.WriteMayHaveBeenApplied.Should().BeTrue();
    }

    [Fact]
    public async Task A_json_answer_to_a_stream_request_becomes_one_delta_and_the_end()
    {
        await using var server = await LoopbackServer.RespondingWith("""{"code":0,"message":"ok","data":{"response":"whole answer"}}"""u8.ToArray());
        using var client = server.CreateClient();

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        events.Should().Equal(new ChatTextDelta("whole answer"), new ChatStreamEnd());
    }

    [Fact]
    public async Task A_stream_idle_past_the_idle_timeout_throws_a_timeout()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Respond.StartEventStream(context);
            await Respond.Event(context, """{"type":"text","data":"first"}""");
            await aborted.Task.WaitAsync(Bound);
        });
        using var client = server.CreateClient(o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(200));

        var act = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        await act.Should().ThrowAsync<MemOSTimeoutException>().WithMessage("*StreamIdleTimeout*");
        await aborted.Task.WaitAsync(Bound);
    }

    [Fact]
    public void A_bad_request_fails_at_the_call_not_at_the_first_MoveNext()
    {
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri("http://127.0.0.1:9/") });

        var act = () => client.ChatStreamAsync(new ChatRequest { UserId = "u", Query = "q", Temperature = 3 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*temperature*0*2*");
    }
}
