using System.Text.Json;
using MemOS.Client.Testing;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// <c>memos mcp --user alice</c>, a security boundary: a model driving the tools reaches alice's
/// memories only. A call that names another user is refused, and another user's memory ids cannot
/// be fetched or deleted, even when the model knows them.
/// </summary>
public sealed class McpPinnedUserTests
{
    [Fact]
    public async Task A_server_pinned_to_one_user_refuses_calls_naming_another_and_never_reaches_their_memories()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using (var direct = new MemOSClient(new MemOSClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl }))
        {
            await direct.AddMessageAsync("bob", "b1", [Messages.MemOSMessage.User("My bank PIN is 4711.")]);
            await direct.AddMessageAsync("alice", "a1", [Messages.MemOSMessage.User("I choose 7 Days Inn.")]);
        }

        var bobsMemory = await BobsMemoryIdAsync(emulator);
        await using var mcp = await InProcessMcpServer.StartAsync(emulator.ApiKey, emulator.BaseUrl.ToString(), "--user", "alice");

        var tools = await mcp.Client.ListToolsAsync(cancellationToken: mcp.Token);
        tools.Where(t => t.JsonSchema.GetProperty("properties").TryGetProperty("userId", out _)).Should().BeEmpty("no tool lets the model choose the user");

        var asBob = await mcp.CallAsync("search_memory", new() { ["userId"] = "bob", ["query"] = "bank PIN" });
        asBob.IsError.Should().BeTrue();
        Text(asBob).Should().Contain("Unexpected argument 'userId'");

        var writeAsBob = await mcp.CallAsync("add_message", new()
        {
            ["userId"] = "bob",
            ["conversationId"] = "b1",
            ["messages"] = new[] { new { role = "user", content = "My PIN changed to 0000." } },
        });
        writeAsBob.IsError.Should().BeTrue();

        var found = await mcp.CallAsync("search_memory", new() { ["query"] = "bank PIN hotel" });
        found.IsError.Should().NotBe(true);
        var memories = JsonDocument.Parse(Text(found)).RootElement.GetProperty("memories").EnumerateArray().Select(m => m.GetProperty("memory").GetString()).ToList();
        memories.Should().NotContain(m => m!.Contains("4711"), "the search runs as alice");

        foreach (var (tool, arguments) in new[]
        {
            ("get_memory", new Dictionary<string, object?> { ["memoryId"] = bobsMemory }),
            ("delete_memory", new Dictionary<string, object?> { ["memoryIds"] = new[] { bobsMemory } }),
        })
        {
            var refused = await mcp.CallAsync(tool, arguments);
            refused.IsError.Should().BeTrue(tool);
            Text(refused).Should().Contain("serves user 'alice' only", tool);
        }

        (await mcp.StopAsync()).Should().Be(0);
        (await BobsMemoryIdAsync(emulator)).Should().Be(bobsMemory, "bob's memory was neither deleted nor changed");
    }

    private static async Task<string> BobsMemoryIdAsync(MemOSEmulator emulator)
    {
        using var direct = new MemOSClient(new MemOSClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        var found = await direct.SearchMemoryAsync("bob", "bank PIN");
        return found.Memories.Should().ContainSingle().Subject.Id!;
    }

    private static string Text(CallToolResult result) => InProcessMcpServer.Text(result);
}
