using System.CommandLine;

namespace MemOS.Client.Cli;

/// <summary>The options every command takes: where the service is and how to authenticate.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The MemOS API key; MEMOS_API_KEY when omitted.", Recursive = true };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The API base URL; MEMOS_BASE_URL, else the global region's when MEMOS_IS_GLOBAL is true, else the China region's, when omitted.", Recursive = true };

    public Option<bool> Emulator { get; } = new("--emulator") { Description = "Run against a built-in emulator of MemOS on 127.0.0.1 instead; needs no key, keeps nothing after the command.", Recursive = true };

    public Values Read(ParseResult result) => new(result.GetValue(ApiKey), result.GetValue(BaseUrl), result.GetValue(Emulator));

    internal sealed record Values(string? ApiKey, string? BaseUrl, bool Emulator);
}
