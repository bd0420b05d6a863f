using Spectre.Console;

namespace MemOS.Client.Cli;

/// <summary>
/// Where a command reads and writes: the terminal for the real tool, captured streams in tests.
/// Commands never touch <see cref="Console"/> directly.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Tables, progress and messages for people.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Raw output (JSON Lines of an export, the MCP protocol).</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Raw input (the MCP protocol).</summary>
    public required Stream StandardInput { get; init; }

    /// <summary>Errors, one line each.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable (MEMOS_API_KEY, MEMOS_BASE_URL, MEMOS_IS_GLOBAL).</summary>
    public required Func<string, string?> Variable { get; init; }

    public static CliEnvironment FromProcess() => new()
    {
        Console = AnsiConsole.Console,
        StandardOutput = System.Console.OpenStandardOutput(),
        StandardInput = System.Console.OpenStandardInput(),
        Error = System.Console.Error,
        Variable = Environment.GetEnvironmentVariable,
    };
}
