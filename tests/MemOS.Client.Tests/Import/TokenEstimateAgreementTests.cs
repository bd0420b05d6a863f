using MemOS.Client.Import;
using MemOS.Client.Messages;
using MemOS.Client.Testing;

namespace MemOS.Client.Tests.Import;

/// <summary>
/// The import sizes its requests by its token estimate, and the emulator refuses requests by its
/// own count: the two must agree to the token, or an import the estimate packs to the limit is
/// refused by the emulator (or one over it is accepted). Pinned here on texts of each kind: at the
/// limit the emulator accepts the request, one token over it refuses it.
/// </summary>
public sealed class TokenEstimateAgreementTests
{
    private const int PerMessage = 8;

    [Theory]
    [InlineData("x")]
    [InlineData("绿")]
    [InlineData("😀")]
    [InlineData("ab绿")]
    public async Task The_import_estimate_and_the_emulator_agree_at_the_request_limit(string unit)
    {
        // Two messages: the framing counts once per message on both sides.
        var first = MemOSMessage.User("Hello there.");
        var budget = MemOSLimits.MaxRequestTokens - ImportTokenEstimator.Estimate(first) - PerMessage;
        var text = TextOf(unit, budget);
        var atLimit = MemOSMessage.Assistant(text);

        // One more character that is never ASCII: exactly one token more (an ASCII one may round away).
        var overLimit = MemOSMessage.Assistant(text + "绿");

        (ImportTokenEstimator.Estimate(first) + ImportTokenEstimator.Estimate(atLimit)).Should().Be(MemOSLimits.MaxRequestTokens);
        (ImportTokenEstimator.Estimate(first) + ImportTokenEstimator.Estimate(overLimit)).Should().Be(MemOSLimits.MaxRequestTokens + 1);

        await using var emulator = await MemOSEmulator.StartAsync();
        using var client = new MemOSClient(new MemOSClientOptions { ApiKey = emulator.ApiKey, BaseUrl = emulator.BaseUrl });
        await client.AddMessageAsync("u", "at-limit", [first, atLimit]);
        var over = () => client.AddMessageAsync("u", "over-limit", [first, overLimit]);
        (await over.Should().ThrowAsync<MemOSException>()).Which.Code.Should().Be(MemOSErrorCodes.MessagesTooLong);
    }

    // The unit repeated as often as fits (found by halving), then ASCII added one token at a time.
    private static string TextOf(string unit, int tokens)
    {
        int Cost(string text) => ImportTokenEstimator.Estimate(MemOSMessage.User(text)) - PerMessage;
        var (low, high) = (0, tokens * 3);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = Cost(string.Concat(Enumerable.Repeat(unit, middle))) <= tokens ? (middle, high) : (low, middle - 1);
        }

        var text = string.Concat(Enumerable.Repeat(unit, low));
        while (Cost(text) < tokens)
        {
            text += "x";
        }

        Cost(text).Should().Be(tokens, "the text is built to the token");
        return text;
    }
}
