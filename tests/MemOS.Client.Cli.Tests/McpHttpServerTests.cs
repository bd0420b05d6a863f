using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Tests;

/// <summary><c>memos mcp --http</c> in process, on a free loopback port, called over real HTTP by the C# MCP client and by hand.</summary>
public sealed class McpHttpServerTests
{
    private const string Token = "the-unpinned-token-0123456789";
    private const string AliceToken = "alice-token-0123456789abcdef";
    private const string BobToken = "bob-token-0123456789abcdef";
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    [Fact]
    public async Task A_request_without_the_token_gets_401_a_foreign_origin_or_host_403_and_the_token_is_never_echoed()
    {
        await using var server = await HttpServer.StartAsync(["--emulator"], new() { ["MEMOS_MCP_TOKEN"] = Token });
        using var http = new HttpClient();

        foreach (var authorization in new[] { null, "Bearer wrong-token-0123456789", "Basic " + Token, "Bearer " + Token + "x", "Bearer" })
        {
            using var refused = await http.SendAsync(Post(server.Url, authorization));
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, authorization);
            refused.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
            (await refused.Content.ReadAsStringAsync()).Should().Contain("bearer token").And.NotContain(Token);
        }

        using (var foreign = Post(server.Url, "Bearer " + Token))
        {
            foreign.Headers.Add("Origin", "https://evil.example");
            using var refused = await http.SendAsync(foreign);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("--allow-origin https://evil.example");
        }

        using (var rebound = Post(server.Url, "Bearer " + Token))
        {
            rebound.Headers.Host = "evil.example";
            (await http.SendAsync(rebound)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using (var allowed = await http.SendAsync(Post(server.Url, "Bearer " + Token)))
        {
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await server.StopAsync()).Should().Be(0);
        server.Error.Should().NotContain(Token);
    }

    [Fact]
    public async Task An_allowed_origin_passes_and_a_body_over_the_limit_is_refused_with_413()
    {
        await using var server = await HttpServer.StartAsync(["--emulator", "--allow-origin", "https://app.example.com"], new() { ["MEMOS_MCP_TOKEN"] = Token });
        using var http = new HttpClient();

        using var fromApp = Post(server.Url, "Bearer " + Token);
        fromApp.Headers.Add("Origin", "https://app.example.com");
        (await http.SendAsync(fromApp)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Only the head of a 5 MiB request: the server refuses it from its Content-Length, before reading any of it.
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(server.Url.Host, server.Url.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {Token}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: {5 * 1024 * 1024}\r\n\r\n"));
        using var answer = new StreamReader(stream);
        (await answer.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))).Should().StartWith("HTTP/1.1 413");

        (await server.StopAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Two_tokens_mapped_to_two_users_each_reach_only_their_own_memories()
    {
        var tokens = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(tokens, [$"{AliceToken} alice", $"{BobToken} bob"]);
            await using var server = await HttpServer.StartAsync(["--emulator", "--tokens", tokens], []);
            await using var alice = await ConnectAsync(server.Url, AliceToken);
            await using var bob = await ConnectAsync(server.Url, BobToken);

            var tools = await alice.ListToolsAsync();
            tools.Select(t => t.JsonSchema.GetProperty("properties").TryGetProperty("userId", out var _)).Should().AllBeEquivalentTo(false);
            Json(await alice.CallToolAsync("add_message", new Dictionary<string, object?> { ["conversationId"] = "trip", ["messages"] = new[] { new { role = "user", content = "I always book the 7 Days Inn." } } }));
            var hers = Json(await alice.CallToolAsync("search_memory", new Dictionary<string, object?> { ["query"] = "7 Days Inn" })).GetProperty("memories");
            var found = Json(await bob.CallToolAsync("search_memory", new Dictionary<string, object?> { ["query"] = "7 Days Inn" })).GetProperty("memories");
            var reach = await bob.CallToolAsync("get_memory", new Dictionary<string, object?> { ["memoryId"] = hers[0].GetProperty("id").GetString() });

            hers.GetArrayLength().Should().Be(1);
            found.GetArrayLength().Should().Be(0);
            reach.IsError.Should().BeTrue();
            Text(reach).Should().Contain("'memoryId'").And.Contain("user 'bob' only");
            (await server.StopAsync()).Should().Be(0);
        }
        finally
        {
            File.Delete(tokens);
        }
    }

    [Fact]
    public async Task Stopping_as_on_SIGTERM_answers_the_call_under_way_and_then_exits_0()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var memos = builder.Build();
        // A MemOS that holds its answer until the test lets it go: the call is under way when the stop comes.
        memos.MapPost("/{**path}", async () =>
        {
            arrived.TrySetResult();
            await release.Task;
            return Results.Text("""{"code":0,"message":"ok","data":{"memory_detail_list":[],"preference_detail_list":[]}}""", "application/json");
        });
        await memos.StartAsync();
        var baseUrl = memos.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/api/openmem/v1";
        await using var server = await HttpServer.StartAsync([], new() { ["MEMOS_MCP_TOKEN"] = Token, ["MEMOS_API_KEY"] = "k", ["MEMOS_BASE_URL"] = baseUrl });
        await using var client = await ConnectAsync(server.Url, Token);

        var call = client.CallToolAsync("search_memory", new Dictionary<string, object?> { ["userId"] = "alice", ["query"] = "hotel" }).AsTask();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopped = server.StopAsync();
        release.SetResult();

        Json(await call.WaitAsync(TimeSpan.FromSeconds(60))).GetProperty("memories").GetArrayLength().Should().Be(0);
        (await stopped).Should().Be(0);
    }

    [Theory]
    [InlineData("127.0.0.1:0", "", "No bearer token for the HTTP server: set MEMOS_MCP_TOKEN")]
    [InlineData("0.0.0.0:0", "--no-auth", "loopback address only")]
    [InlineData("127.0.0.1:0", "--tokens /no/such/tokens", "cannot be read")]
    [InlineData("example.com:80", "--no-auth", "is not an IP address or localhost")]
    [InlineData("127.0.0.1", "--no-auth", "is not an address and port")]
    public async Task The_server_refuses_to_start_without_a_token_or_with_no_auth_beyond_loopback(string address, string options, string why)
    {
        var run = await CliRun.RunAsync(["mcp", "--emulator", "--http", address, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain(why);
    }

    private static HttpRequestMessage Post(Uri url, string? authorization, string body = Initialize)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static Task<McpClient> ConnectAsync(Uri url, string token)
        => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = url, AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } }));

    private static JsonElement Json(CallToolResult result)
    {
        result.IsError.Should().NotBe(true, Text(result));
        return JsonDocument.Parse(Text(result)).RootElement;
    }

    private static string Text(CallToolResult result) => result.Content.OfType<TextContentBlock>().Should().ContainSingle().Subject.Text;

    /// <summary>One in-process <c>memos mcp --http 127.0.0.1:0</c>: its URL once it says it listens, and its exit code once stopped as SIGTERM stops it.</summary>
    private sealed class HttpServer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ListeningWriter _error = new();
        private Task<int>? _run;

        public Uri Url { get; private set; } = null!;

        public string Error => _error.ToString();

        public static async Task<HttpServer> StartAsync(string[] args, Dictionary<string, string> variables)
        {
            var server = new HttpServer();
            var environment = new CliEnvironment
            {
                Console = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
                ErrorConsole = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
                Output = TextWriter.Null,
                StandardInput = Stream.Null,
                StandardOutput = Stream.Null,
                Error = server._error,
                Variable = name => variables.TryGetValue(name, out var value) ? value : null,
            };
            server._run = MemosCli.RunAsync(["mcp", "--http", "127.0.0.1:0", .. args], environment, server._stop.Token);
            var first = await Task.WhenAny(server._error.Listening, server._run).WaitAsync(TimeSpan.FromSeconds(60));
            first.Should().BeSameAs(server._error.Listening, $"the server did not start: {server.Error}");
            server.Url = new Uri(await server._error.Listening);
            return server;
        }

        /// <summary>What SIGTERM does: the tool's cancellation; returns the exit code.</summary>
        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run!.WaitAsync(TimeSpan.FromSeconds(60));
        }

        public async ValueTask DisposeAsync()
        {
            if (_run is not null && !_run.IsCompleted)
            {
                await StopAsync();
            }

            _stop.Dispose();
            await _error.DisposeAsync();
        }
    }

    /// <summary>Standard error, which completes <see cref="Listening"/> with the URL when the server says where it listens.</summary>
    private sealed class ListeningWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Listening => _listening.Task;

        public override Task WriteLineAsync(string? value)
        {
            const string Marker = "listening on ";
            if (value?.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
            {
                _listening.TrySetResult(value[(at + Marker.Length)..].Trim());
            }

            return base.WriteLineAsync(value);
        }
    }
}
