using MemOS.Client.AI;
using MemOS.Client.Testing;
using Microsoft.Extensions.AI;

namespace MemOS.Client.Tests;

public sealed class MemoryToolsTests
{
    private static readonly MemOSMemoryScope Scope = new() { UserId = "u1", ConversationId = "c1" };

    [Fact]
    public async Task An_agent_can_remember_and_then_recall()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();
        var tools = MemOSMemoryTools.Create(memos, Scope);
        var search = tools.Single(tool => tool.Name == "search_memory");
        var add = tools.Single(tool => tool.Name == "add_memory");

        var before = await search.InvokeAsync(new AIFunctionArguments { ["query"] = "peanuts allergy" });
        var saved = await add.InvokeAsync(new AIFunctionArguments { ["memory"] = "I am allergic to peanuts." });
        // Arguments parsed from a model's tool call arrive as JSON.
        using var parsed = System.Text.Json.JsonDocument.Parse("\"peanuts allergy\"");
        var after = await search.InvokeAsync(new AIFunctionArguments { ["query"] = parsed.RootElement });

        Text(before).Should().Be("No memories found.");
        Text(saved).Should().Be("Remembered.");
        Text(after).Should().Contain("- The user said: I am allergic to peanuts.");
    }

    [Fact]
    public async Task The_tools_describe_their_parameters_in_their_json_schema()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();

        var tools = MemOSMemoryTools.Create(memos, Scope);

        tools.Select(tool => tool.Name).Should().Equal("search_memory", "add_memory");
        tools.Should().OnlyContain(tool => !string.IsNullOrEmpty(tool.Description));
        tools[0].JsonSchema.GetProperty("properties").GetProperty("query").GetProperty("type").GetString().Should().Be("string");
        tools[0].JsonSchema.GetProperty("required")[0].GetString().Should().Be("query");
        tools[1].JsonSchema.GetProperty("properties").GetProperty("memory").GetProperty("description").GetString().Should().Contain("as the user stated it");
    }

    [Fact]
    public async Task A_scope_without_a_user_or_agent_is_rejected()
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        using var memos = emulator.CreateClient();

        var act = () => MemOSMemoryTools.Create(memos, new MemOSMemoryScope { ConversationId = "c1" });

        act.Should().Throw<ArgumentException>().WithMessage("*user or an agent*");
    }

    // A tool result comes back as JSON, the way it is sent to the model.
    private static string? Text(object? result) => result switch
    {
        System.Text.Json.JsonElement element => element.GetString(),
        _ => result?.ToString(),
    };
}
