using System.IO.Pipelines;
using System.Text.Json;
using MemOS.Client.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Tests;

/// <summary><c>memos mcp</c> driven by a real MCP client over in-process pipes.</summary>
public sealed class McpServerTests
{
    [Fact]
    public async Task An_mcp_client_lists_the_tools_adds_messages_searches_and_gets_clear_tool_errors()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        var toServer = new Pipe();
        var toClient = new Pipe();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var environment = new CliEnvironment
        {
            Console = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            ErrorConsole = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            Output = TextWriter.Null,
            StandardInput = toServer.Reader.AsStream(),
            StandardOutput = toClient.Writer.AsStream(),
            Error = TextWriter.Null,
            Variable = name => name switch { "MEMOS_API_KEY" => emulator.ApiKey, "MEMOS_BASE_URL" => emulator.BaseUrl.ToString(), _ => null },
        };
        var server = MemosCli.RunAsync(["mcp"], environment, stop.Token);

        await using (var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: stop.Token))
        {
            var tools = await client.ListToolsAsync(cancellationToken: stop.Token);
            var added = await client.CallToolAsync(
                "add_messages",
                new Dictionary<string, object?>
                {
                    ["userId"] = "alice",
                    ["conversationId"] = "trip",
                    ["messages"] = new[] { new { role = "user", content = "I choose 7 Days Inn." } },
                },
                cancellationToken: stop.Token);
            var found = await client.CallToolAsync("search_memories", new Dictionary<string, object?> { ["userId"] = "alice", ["query"] = "Which hotel did I choose?" }, cancellationToken: stop.Token);
            var missing = await client.CallToolAsync("get_memory", new Dictionary<string, object?> { ["memoryId"] = "no-such-memory" }, cancellationToken: stop.Token);

            tools.Select(t => t.Name).Should().BeEquivalentTo(["search_memories", "add_messages", "get_memory", "delete_memories", "add_feedback", "chat"]);
            var search = tools.Single(t => t.Name == "search_memories").JsonSchema;
            search.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(["userId", "query"]);
            var addSchema = tools.Single(t => t.Name == "add_messages").JsonSchema.GetProperty("properties").GetProperty("messages");
            addSchema.GetProperty("type").GetString().Should().Be("array");
            added.IsError.Should().NotBe(true);
            JsonDocument.Parse(Text(added)).RootElement.GetProperty("task_id").GetString().Should().NotBeNullOrEmpty();
            found.IsError.Should().NotBe(true);
            var memory = JsonDocument.Parse(Text(found)).RootElement.GetProperty("memories").EnumerateArray().Should().ContainSingle().Subject;
            memory.GetProperty("memory").GetString().Should().Contain("7 Days Inn");
            missing.IsError.Should().BeTrue();
            Text(missing).Should().Contain("MemOS call failed").And.Contain("40001");
        }

        await toServer.Writer.CompleteAsync();
        (await server.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
    }

    [Fact]
    public async Task An_unreachable_service_fails_each_call_as_a_tool_error_and_the_server_stays()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}/api/openmem/v1";
        closed.Stop();
        var toServer = new Pipe();
        var toClient = new Pipe();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var environment = new CliEnvironment
        {
            Console = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            ErrorConsole = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            Output = TextWriter.Null,
            StandardInput = toServer.Reader.AsStream(),
            StandardOutput = toClient.Writer.AsStream(),
            Error = TextWriter.Null,
            Variable = name => name switch { "MEMOS_API_KEY" => "k", "MEMOS_BASE_URL" => url, _ => null },
        };
        var server = MemosCli.RunAsync(["mcp", "--user", "alice"], environment, stop.Token);

        await using (var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: stop.Token))
        {
            foreach (var query in new[] { "hotel", "tea" })
            {
                var found = await client.CallToolAsync("search_memories", new Dictionary<string, object?> { ["query"] = query }, cancellationToken: stop.Token);
                found.IsError.Should().BeTrue();
                Text(found).Should().Contain("MemOS call failed").And.Contain("connection could not be made");
            }
        }

        await toServer.Writer.CompleteAsync();
        (await server.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
    }

    private static string Text(CallToolResult result) => result.Content.OfType<TextContentBlock>().Should().ContainSingle().Subject.Text;
}
