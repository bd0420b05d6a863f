using System.CommandLine;

namespace MemOS.Client.Cli;

/// <summary>The options every command takes: where the service is, how to authenticate, how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The MemOS API key; MEMOS_API_KEY when omitted.",
        Recursive = true,
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API base URL; MEMOS_BASE_URL, else the global region's when MEMOS_IS_GLOBAL is true, else "
            + "the China region's, when omitted.",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against a built-in emulator of MemOS on 127.0.0.1 instead; needs no key, keeps nothing "
            + "after the command (see 'memos emulator' for one that stays).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description
            = "Print results as JSON on standard output (one object, or JSON Lines for an export) instead of tables.",
        Recursive = true,
    };

    public Values Read(ParseResult result)
        => new(result.GetValue(ApiKey), result.GetValue(BaseUrl), result.GetValue(Emulator), result.GetValue(Json));

    internal sealed record Values(string? ApiKey, string? BaseUrl, bool Emulator, bool Json);
}
