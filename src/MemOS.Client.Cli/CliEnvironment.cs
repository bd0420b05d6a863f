using System.Text;
using Spectre.Console;

namespace MemOS.Client.Cli;

/// <summary>
/// Where a command reads and writes: the terminal for the real tool, captured streams in tests.
/// Results go to standard output; errors, warnings and progress to standard error.
/// Commands never touch <see cref="System.Console"/> directly.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Results for people (tables, answers) on standard output.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Progress for people on standard error.</summary>
    public required IAnsiConsole ErrorConsole { get; init; }

    /// <summary>Text results on standard output (help, JSON).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Raw output (JSON Lines of an export, the MCP protocol).</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Raw input (<c>-</c> as a file, the MCP protocol).</summary>
    public required Stream StandardInput { get; init; }

    /// <summary>Errors and warnings, one line each.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>
    /// Reads an environment variable (MEMOS_API_KEY, MEMOS_BASE_URL, MEMOS_IS_GLOBAL, MEMOS_USER_ID).
    /// </summary>
    public required Func<string, string?> Variable { get; init; }

    /// <summary>What Ctrl+C tells the user it waits for; long commands update it.</summary>
    public CliInterrupt Interrupt { get; init; } = new();

    public static CliEnvironment FromProcess(CliInterrupt interrupt)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        System.Console.OutputEncoding = utf8;
        var output = new StreamWriter(System.Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var error = new StreamWriter(System.Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new()
        {
            Console = CreateConsole(output, System.Console.IsOutputRedirected),
            ErrorConsole = CreateConsole(error, System.Console.IsErrorRedirected),
            Output = output,
            StandardOutput = System.Console.OpenStandardOutput(),
            StandardInput = System.Console.OpenStandardInput(),
            Error = error,
            Variable = Environment.GetEnvironmentVariable,
            Interrupt = interrupt,
        };
    }

    /// <summary>
    /// A console over a writer. When it is not a terminal (a pipe, a file), lines are never wrapped
    /// and nothing is animated, so scripts read whole lines.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>Wide enough that no line of the tool's own is wrapped in a pipe.</summary>
    private const int UnwrappedWidth = 4096;
}
