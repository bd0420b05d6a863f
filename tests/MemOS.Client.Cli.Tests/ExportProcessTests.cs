using System.Text;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Tests;

/// <summary>An export as a user keeps it: readable UTF-8 text, and the same bytes after a trip through import and export.</summary>
public sealed class ExportProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("memos-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string> Variables(MemOSEmulator emulator) => new() { ["MEMOS_API_KEY"] = emulator.ApiKey, ["MEMOS_BASE_URL"] = emulator.BaseUrl.ToString() };

    [Fact]
    public async Task An_export_is_greppable_utf8_text_and_survives_import_and_export_byte_for_byte()
    {
        await using var source = await MemOSEmulator.StartAsync();
        await using var copy = await MemOSEmulator.StartAsync();
        using (var client = source.CreateClient())
        {
            await client.AddMessageAsync("alice", "tea",
            [
                MemOSMessage.User("我喜欢绿茶 🍵, not <coffee> & 'milk'.") with { ChatTime = "2025-09-12 08:00:00" },
                MemOSMessage.Assistant("Noted: \"green tea\"\tno milk\nお茶 👍🏽") with { ChatTime = "2025-09-12 08:00:05" },
            ]);
            await client.AddMessageAsync("alice", "trip", [MemOSMessage.User("I choose 7 Days Inn.") with { ChatTime = "2025-09-13 09:00:00" }]);
        }

        var first = Path.Combine(_folder, "first.jsonl");
        var second = Path.Combine(_folder, "second.jsonl");
        var exported = await ToolProcess.RunAsync(Variables(source), null, "export", "--user", "alice", "--messages", "--conversation", "tea", "--conversation", "trip", "-o", first);
        var imported = await ToolProcess.RunAsync(Variables(copy), null, "import", first);
        var again = await ToolProcess.RunAsync(Variables(copy), null, "export", "--user", "alice", "--messages", "--conversation", "tea", "--conversation", "trip", "-o", second);

        exported.ExitCode.Should().Be(0, exported.Error);
        imported.ExitCode.Should().Be(0, imported.Error);
        again.ExitCode.Should().Be(0, again.Error);
        var bytes = await File.ReadAllBytesAsync(first);
        var text = Encoding.UTF8.GetString(bytes);
        Contains(bytes, "绿茶").Should().BeTrue("grep 绿茶 finds it");
        Contains(bytes, "🍵").Should().BeTrue("emoji are written as UTF-8, not as escaped surrogates");
        Contains(bytes, "👍🏽").Should().BeTrue();
        text.Should().Contain("<coffee> & 'milk'").And.Contain("\\\"green tea\\\"\\tno milk\\nお茶").And.NotContain("\\u");
        (await File.ReadAllBytesAsync(second)).Should().Equal(bytes, "export, import and export again gives the same file");
    }

    [Theory]
    [InlineData("绿茶 🍵 👍🏽", "绿茶 🍵 👍🏽")]
    [InlineData("<b> & 'x'", "<b> & 'x'")]
    [InlineData("\"q\" \\ /", "\\\"q\\\" \\\\ /")]
    [InlineData("a\nb\tc\u0001", "a\\nb\\tc\\u0001")]
    public void Json_output_escapes_only_what_json_requires(string value, string written)
    {
        CliJson.Serialize(new { text = value }).Should().Be($"{{\"text\":\"{written}\"}}");
    }

    private static bool Contains(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
