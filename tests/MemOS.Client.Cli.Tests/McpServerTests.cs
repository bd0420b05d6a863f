using System.Text;
using System.Text.Json;
using MemOS.Client.Testing;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Tests;

/// <summary><c>memos mcp</c> driven by a real MCP client over in-process pipes.</summary>
public sealed class McpServerTests
{
    [Fact]
    public async Task An_mcp_client_lists_the_tools_adds_messages_searches_and_gets_clear_tool_errors()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        await using var mcp = await InProcessMcpServer.StartAsync(emulator.ApiKey, emulator.BaseUrl.ToString());

        var tools = await mcp.Client.ListToolsAsync(cancellationToken: mcp.Token);
        var added = await mcp.CallAsync("add_message", new()
        {
            ["userId"] = "alice",
            ["conversationId"] = "trip",
            ["messages"] = new[] { new { role = "user", content = "I choose 7 Days Inn." } },
        });
        var found = await mcp.CallAsync("search_memory", new() { ["userId"] = "alice", ["query"] = "Which hotel did I choose?" });
        var missing = await mcp.CallAsync("get_memory", new() { ["memoryId"] = "no-such-memory" });

        tools.Select(t => t.Name).Should().BeEquivalentTo([
            "search_memory", "add_message", "get_message", "get_memory", "delete_memory", "add_feedback", "get_profile", "chat",
            "create_knowledgebase", "add_knowledgebase_file", "get_knowledgebase_file", "delete_knowledgebase_file", "delete_knowledgebase"]);
        var search = tools.Single(t => t.Name == "search_memory").JsonSchema;
        search.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(["userId", "query"]);
        var addSchema = tools.Single(t => t.Name == "add_message").JsonSchema.GetProperty("properties").GetProperty("messages");
        addSchema.GetProperty("type").GetString().Should().Be("array");
        added.IsError.Should().NotBe(true);
        JsonDocument.Parse(Text(added)).RootElement.GetProperty("task_id").GetString().Should().NotBeNullOrEmpty();
        found.IsError.Should().NotBe(true);
        var memory = JsonDocument.Parse(Text(found)).RootElement.GetProperty("memories").EnumerateArray().Should().ContainSingle().Subject;
        memory.GetProperty("memory").GetString().Should().Contain("7 Days Inn");
        missing.IsError.Should().BeTrue();
        Text(missing).Should().Contain("MemOS call failed").And.Contain("40001");

        (await mcp.StopAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unreachable_service_fails_each_call_as_a_tool_error_and_the_server_stays()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}/api/openmem/v1";
        closed.Stop();
        await using var mcp = await InProcessMcpServer.StartAsync("k", url, "--user", "alice");

        foreach (var query in new[] { "hotel", "tea" })
        {
            var found = await mcp.CallAsync("search_memory", new() { ["query"] = query });
            found.IsError.Should().BeTrue();
            Text(found).Should().Contain("MemOS call failed").And.Contain("connection could not be made")
                .And.Contain(url).And.Contain("--base-url or MEMOS_BASE_URL");
        }

        (await mcp.StopAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_one_shot_pipe_gets_an_answer_to_every_request_before_the_end_of_input_and_errors_for_bad_lines()
    {
        string[] lines =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            "not JSON at all",
            """{"id":7,"hello":"world"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_memory","arguments":{"userId":"alice","query":"\ud800 hotel"}}}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"add_message","arguments":{"userId":"alice","conversationId":"c","messages":[{"role":"user","content":"ok \udc00"}]}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"prompts/list"}""",
            """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"add_message","arguments":{"userId":"alice","conversationId":"last","messages":[{"role":"user","content":"The last line."}]}}}""",
        ];
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        using var output = new MemoryStream();
        var environment = new CliEnvironment
        {
            Console = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            ErrorConsole = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            Output = TextWriter.Null,
            StandardInput = input,
            StandardOutput = output,
            Error = TextWriter.Null,
            Variable = _ => null,
        };

        (await MemosCli.RunAsync(["mcp", "--emulator"], environment).WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(0);

        var answers = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var byId = answers.Where(a => a.GetProperty("id").ValueKind != JsonValueKind.Null).ToDictionary(a => a.GetProperty("id").GetInt32());
        byId.Keys.Should().BeEquivalentTo([1, 2, 3, 4, 5, 7]);
        answers.Should().ContainSingle(a => a.GetProperty("id").ValueKind == JsonValueKind.Null).Which.GetProperty("error").GetProperty("code").GetInt32().Should().Be(-32700);
        byId[7].GetProperty("error").GetProperty("code").GetInt32().Should().Be(-32600);
        ToolText(byId[2], isError: true).Should().Contain("'query' is not valid text");
        ToolText(byId[3], isError: true).Should().Contain("'messages[0].content' is not valid text");
        byId[4].GetProperty("result").GetProperty("prompts")[0].GetProperty("name").GetString().Should().Be("memory_guide");
        JsonDocument.Parse(ToolText(byId[5], isError: false)).RootElement.GetProperty("task_id").GetString().Should().NotBeNullOrEmpty();
        byId[1].GetProperty("result").GetProperty("instructions").GetString().Should().Contain("What never to store");
    }

    private static string ToolText(JsonElement answer, bool isError)
    {
        var result = answer.GetProperty("result");
        result.GetProperty("isError").GetBoolean().Should().Be(isError, result.ToString());
        return result.GetProperty("content")[0].GetProperty("text").GetString()!;
    }

    private static string Text(CallToolResult result) => InProcessMcpServer.Text(result);
}
