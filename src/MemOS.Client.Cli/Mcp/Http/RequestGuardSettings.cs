namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// Who may call the HTTP server: its tokens (null with <c>--no-auth</c>), the browser origins allowed, and how many
/// connections at once.
/// </summary>
internal sealed record RequestGuardSettings(
    TokenTable? Tokens,
    IReadOnlySet<string> AllowedOrigins,
    int MaxConnections);
