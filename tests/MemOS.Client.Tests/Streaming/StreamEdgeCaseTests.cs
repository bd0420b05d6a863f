using System.Net;
using System.Net.Sockets;
using System.Text;
using MemOS.Client.Chat;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Tests;

/// <summary>
/// Streams from servers the other stream tests do not imitate: heartbeats before the first event,
/// a compressed body that does not decompress, and a server that closes the connection right at
/// the stream's end.
/// </summary>
public sealed class StreamEdgeCaseTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Heartbeats_before_the_first_event_keep_the_stream_alive_past_both_timeouts()
    {
        // Nothing but ": ping" every 100 ms for 2.4 s, then the answer: longer than the idle timeout
        // and than the overall timeout (which bounds only the wait for the response to start). The
        // headers go out with the first ping, as servers that flush on their first write send them.
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < 24; i++)
            {
                await Write(context, ": ping\n\n");
                await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
            }

            await Write(context, "data: {\"type\":\"text\",\"data\":\"Thought it through.\"}\n\ndata: {\"type\":\"end\"}\n\n");
        });
        using var client = server.CreateClient(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.StreamIdleTimeout = TimeSpan.FromSeconds(1);
        });

        var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound);

        events.Should().Equal(new ChatTextDelta("Thought it through."), new ChatStreamEnd());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_stream_that_does_not_decompress_is_a_stream_exception(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.ContentEncoding = encoding;
            await Write(context, "data: {\"type\":\"text\",\"data\":\"not compressed at all\"}\n\n");
        });
        using var client = server.CreateClient();

        var act = async () => await client.ChatStreamAsync("u", "c", "hi").ToListAsync();

        var error = (await act.Should().ThrowAsync<MemOSStreamException>()).Which;
        error.Message.Should().Contain("could not be decoded");
        error.HttpStatus.Should().Be(HttpStatusCode.OK);
        error.InnerException.Should().BeAssignableTo<Exception>().Which.Should().Match(e => e is InvalidDataException || e is InvalidOperationException);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("add")]
    public async Task A_call_after_streams_whose_server_closed_at_their_end_succeeds_and_reaches_the_server_once(string call)
    {
        // Each stream is answered on a connection the server closes right after the stream's last
        // byte (no "Connection: close" header warns the client), and each call goes out at once
        // after it: calls never share connections with streams, so no call takes the connection the
        // server is closing (for a write, nothing would prove the server had not read it). The next
        // stream comes once that close is done, as a user's next message does, and goes out on a new
        // connection. Every request reaches the server exactly once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var calls = 0;
        var streams = 0;
        var connectionsAccepted = 0;
        using var streamConnectionClosed = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var connections = new List<Task>();
        var serving = Task.Run(async () =>
        {
            // Each connection served on its own: the client keeps streams and calls on separate ones.
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref connectionsAccepted);
                connections.Add(Task.Run(() => ServeAsync(socket)));
            }
        });

        async Task ServeAsync(Socket accepted)
        {
            var streamed = false;
            using (var socket = accepted)
            {
                while (!streamed && await RawAnswerServer.ReadRequestAsync(socket) is { } request)
                {
                    if (request.StartsWith("POST /api/openmem/v1/chat ", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref streams);
                        await Answer(socket, "text/event-stream", "data: {\"type\":\"text\",\"data\":\"Hi\"}\n\ndata: {\"type\":\"end\"}\n\n");
                        streamed = true;
                        continue;
                    }

                    Interlocked.Increment(ref calls);
                    await Answer(socket, "application/json", request.StartsWith("POST /api/openmem/v1/add/message ", StringComparison.Ordinal)
                        ? "{\"code\":0,\"message\":\"ok\",\"data\":{\"success\":true,\"task_id\":\"t-1\",\"status\":\"running\"}}"
                        : "{\"code\":0,\"message\":\"ok\",\"data\":{\"memory_detail_list\":[],\"preference_detail_list\":[]}}");
                }
            }

            if (streamed)
            {
                streamConnectionClosed.Release();
            }
        }

        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/api/openmem/v1") });

        for (var i = 0; i < 20; i++)
        {
            var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound);
            events.Should().Equal(new ChatTextDelta("Hi"), new ChatStreamEnd());
            if (call == "search")
            {
                (await client.SearchMemoryAsync("u", "q").WaitAsync(Bound)).Memories.Should().BeEmpty();
            }
            else
            {
                (await client.AddMessageAsync("u", "c", [Messages.MemOSMessage.User("hi")]).WaitAsync(Bound)).TaskId.Should().Be("t-1");
            }

            (await streamConnectionClosed.WaitAsync(Bound)).Should().BeTrue("the server closes each stream's connection");
        }

        calls.Should().Be(20, "every call reached the server exactly once");
        streams.Should().Be(20, "every stream reached the server exactly once");
        connectionsAccepted.Should().Be(21, "a connection for each stream, and one the calls share");
        client.Dispose();
        await stop.CancelAsync();
        listener.Stop();
        (await Task.WhenAny(serving, Task.Delay(Bound))).Should().BeSameAs(serving, "the server stops once the client has gone");
        await Task.WhenAll(connections).WaitAsync(Bound);
    }

    [Fact]
    public async Task Streams_keep_their_connection_while_the_server_keeps_it_and_calls_keep_theirs()
    {
        // A stream pays no new handshake when the server keeps its connection open; calls have their own.
        // The stream has a length, so its whole body is read with its last event (a chunked body's last chunk
        // could come after the end event, and an unread remainder closes a connection instead of keeping it).
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/chat", StringComparison.Ordinal))
            {
                const string Events = "data: {\"type\":\"text\",\"data\":\"Hi\"}\n\ndata: {\"type\":\"end\"}\n\n";
                await Respond.Text(context, Events, contentType: "text/event-stream");
                return;
            }

            await Respond.Text(context, """{"code":0,"message":"ok","data":{"memory_detail_list":[]}}""");
        });
        using var client = server.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound)).Should().HaveCount(2);
            (await client.SearchMemoryAsync("u", "q").WaitAsync(Bound)).Memories.Should().BeEmpty();
        }

        server.Connections.Opened.Should().Be(2, "one connection for the streams and one for the calls, each reused");
    }

    private static async Task Write(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task Answer(Socket socket, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n\r\n");
        await socket.SendAsync(head.Concat(bytes).ToArray());
    }
}
