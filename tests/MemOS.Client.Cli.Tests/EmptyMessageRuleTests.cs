using System.Text;
using System.Text.Json;
using MemOS.Client.Cli.Mcp;
using MemOS.Client.Import;
using MemOS.Client.Messages;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// One rule for empty messages, the SDK message validator's non-empty rule, wherever a message
/// enters: the SDK's add, the import reader, <c>memos add</c> and the MCP server's add_messages all
/// refuse the same blank texts with the same words, before anything is sent.
/// </summary>
public sealed class EmptyMessageRuleTests
{
    private const string Rule = "must not be empty or white space";

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public async Task A_blank_message_is_refused_by_the_same_rule_everywhere(string blank)
    {
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = "k", BaseUrl = new Uri("http://127.0.0.1:9/api/openmem/v1") });
        var add = () => client.AddMessageAsync("u", "c", [MemOSMessage.User(blank)]);
        (await add.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("messages[0].content " + Rule);

        var line = JsonSerializer.Serialize(new { user_id = "u", conversation_id = "c", messages = new[] { new { role = "user", content = blank } } });
        var read = async () => await MemOSImportExtensions.ReadConversationsAsync(new MemoryStream(Encoding.UTF8.GetBytes(line))).ToListAsync();
        var problem = (await read.Should().ThrowAsync<ImportValidationException>()).Which.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("messages[0].content");
        problem.Problem.Should().StartWith(Rule);

        var cli = await CliRun.RunAsync("add", "--user", "u", "--conversation", "c", blank);
        cli.ExitCode.Should().Be(2, "a usage error");
        cli.Error.Should().Contain("<text> " + Rule);

        var messages = JsonDocument.Parse(JsonSerializer.Serialize(new[] { new { role = "user", content = blank } })).RootElement;
        var mcp = () => ToolArguments.Check([new ToolParameter("messages", ToolValueKind.Messages, true, "The messages.")], new Dictionary<string, JsonElement> { ["messages"] = messages });
        mcp.Should().Throw<ToolArgumentException>().Which.Message.Should().Contain("'messages[0].content' " + Rule);
    }
}
