using System.Security.Cryptography;
using System.Text;
using MemOS.Client.Cli.Mcp.Http;

namespace MemOS.Client.Cli.Tests;

/// <summary>The bearer tokens of <c>memos mcp --http</c>: which token maps to which user, and what is refused.</summary>
public sealed class TokenTableTests : IDisposable
{
    private const string AliceToken = "alice-token-0123456789abcdef";
    private const string BobToken = "bob-token-0123456789abcdef";
    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void Each_token_finds_its_own_user_and_near_misses_find_none()
    {
        var tokens = new TokenTable();
        tokens.Add("unpinned-token-0123456789abcdef", null, "MEMOS_MCP_TOKEN");
        File.WriteAllLines(_file, ["# token user", string.Empty, $"{AliceToken} alice", $"sha256:{Hex(BobToken)}   bob"]);
        tokens.AddFile(_file);

        tokens.TryMatch(AliceToken, out var alice).Should().BeTrue();
        alice.Should().Be("alice");
        tokens.TryMatch(BobToken, out var bob).Should().BeTrue();
        bob.Should().Be("bob");
        tokens.TryMatch("unpinned-token-0123456789abcdef", out var unpinned).Should().BeTrue();
        unpinned.Should().BeNull();
        foreach (var wrong in new[] { AliceToken + "x", AliceToken[..^1], AliceToken.ToUpperInvariant(), $"sha256:{Hex(BobToken)}", string.Empty })
        {
            tokens.TryMatch(wrong, out var nobody).Should().BeFalse(wrong);
            nobody.Should().BeNull();
        }

        tokens.TryMatch(null, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("alice-token-0123456789abcdef", "is not 'TOKEN USER'")]
    [InlineData("short alice", "shorter than 16 characters")]
    [InlineData("sha256:abcd alice", "not 64 hexadecimal digits")]
    [InlineData("alice-token-0123456789abcdef alice\nalice-token-0123456789abcdef bob", "given twice")]
    public void A_bad_tokens_file_is_refused_naming_the_line_and_never_the_token(string content, string why)
    {
        File.WriteAllText(_file, content);

        var refused = FluentActions.Invoking(() => new TokenTable().AddFile(_file)).Should().Throw<CliException>().Which;

        refused.Message.Should().Contain(why).And.Contain(" line ");
        refused.Message.Should().NotContain("alice-token");
    }

    public void Dispose() => File.Delete(_file);

    private static string Hex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
