namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// How the emulator counts the tokens of a request against the service's limits: the same
/// high-side estimate the SDK's bulk import sizes its requests by (one token per three ASCII
/// characters, one per other character, 8 per message), so a request the import builds within a
/// limit is accepted here and one the estimate puts over it is refused, as the service would.
/// </summary>
internal static class TokenCount
{
    /// <summary>The service's limit on one add/message request (and on a search query).</summary>
    public const int RequestLimit = MemOSLimits.MaxRequestTokens;

    /// <summary>The emulator's limit on a chat request's query and system prompt.</summary>
    public const int ChatLimit = 8_000;

    private const int PerMessage = 8;

    public static long OfMessages(IEnumerable<string> texts) => texts.Sum(text => PerMessage + Of(text));

    public static long Of(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long ascii = 0;
        long other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii++;
            }
            else if (!char.IsLowSurrogate(c))
            {
                other++;
            }
        }

        return ((ascii + 2) / 3) + other;
    }
}
