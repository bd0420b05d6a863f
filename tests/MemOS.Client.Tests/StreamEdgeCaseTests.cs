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

    [Fact]
    public async Task A_search_after_streams_whose_server_closed_at_their_end_succeeds()
    {
        // Each stream is answered on a connection the server closes right after the stream's last
        // byte (no "Connection: close" header warns the client), and each search goes out at once
        // after it: on a connection the pool still holds, which the server has closed. A search
        // repeats safely, so the client's retry sends it again on a new connection. (A write does
        // not repeat: the request reached a socket the server had closed, but nothing the client
        // sees proves that the server did not process it.)
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var searches = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                while (await ReadRequestAsync(socket) is { } request)
                {
                    if (request.StartsWith("POST /api/openmem/v1/chat ", StringComparison.Ordinal))
                    {
                        await Answer(socket, "text/event-stream", "data: {\"type\":\"text\",\"data\":\"Hi\"}\n\ndata: {\"type\":\"end\"}\n\n");
                        break;
                    }

                    Interlocked.Increment(ref searches);
                    await Answer(socket, "application/json", "{\"code\":0,\"message\":\"ok\",\"data\":{\"memory_detail_list\":[],\"preference_detail_list\":[]}}");
                }
            }
        });
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = LoopbackServer.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/api/openmem/v1") });

        for (var i = 0; i < 20; i++)
        {
            var events = await client.ChatStreamAsync("u", "c", "hi").ToListAsync().AsTask().WaitAsync(Bound);
            events.Should().Equal(new ChatTextDelta("Hi"), new ChatStreamEnd());
            var found = await client.SearchMemoryAsync("u", "q").WaitAsync(Bound);
            found.Memories.Should().BeEmpty();
        }

        searches.Should().Be(20, "every search was answered once: a retried one never reached the server's code");
        client.Dispose();
        await stop.CancelAsync();
        listener.Stop();
        (await Task.WhenAny(serving, Task.Delay(Bound))).Should().BeSameAs(serving, "the server stops once the client has gone");
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

    /// <summary>One request's head and body; null when the client closed the connection.</summary>
    private static async Task<string?> ReadRequestAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
            var text = Encoding.ASCII.GetString([.. received]);
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd < 0)
            {
                continue;
            }

            var length = text[..headEnd].Split("\r\n")
                .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (received.Count >= headEnd + 4 + length)
            {
                return text;
            }
        }
    }
}
