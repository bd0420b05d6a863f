using System.Text;

namespace MemOS.Client.Cli.Tests;

/// <summary>One in-process run of the memos command with its output captured.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] StandardOutput)
{
    public string StandardOutputText => Encoding.UTF8.GetString(StandardOutput);

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var standardOutput = new MemoryStream();
        await using var text = new StreamWriter(standardOutput, leaveOpen: true) { AutoFlush = true };
        var environment = new CliEnvironment
        {
            Console = CliEnvironment.CreateConsole(output, redirected: true),
            ErrorConsole = CliEnvironment.CreateConsole(error, redirected: true),
            Output = text,
            StandardOutput = standardOutput,
            StandardInput = Stream.Null,
            Error = error,
            Variable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
        };

        var code = await MemosCli.RunAsync(args, environment).WaitAsync(TimeSpan.FromSeconds(60));
        return new CliRun(code, output.ToString(), error.ToString(), standardOutput.ToArray());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);
}
