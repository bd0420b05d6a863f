using System.CommandLine;
using MemOS.Client.Cli.Commands;

namespace MemOS.Client.Cli;

/// <summary>The <c>memos</c> command line: builds the commands and runs one.</summary>
internal static class MemosCli
{
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("memos: import, export, search and chat with MemOS memory, or serve it to AI assistants over MCP.")
        {
            global.ApiKey,
            global.BaseUrl,
            global.Emulator,
            ImportCommand.Create(global, environment),
            ExportCommand.Create(global, environment),
            SearchCommand.Create(global, environment),
            AddCommand.Create(global, environment),
            ChatCommand.Create(global, environment),
            StatusCommand.Create(global, environment),
            McpCommand.Create(global, environment),
        };

        var output = new StreamWriter(environment.StandardOutput, leaveOpen: true) { AutoFlush = true };
        return InvokeAsync(root, args, environment, output, cancellationToken);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args, CliEnvironment environment, StreamWriter output, CancellationToken cancellationToken)
    {
        await using (output.ConfigureAwait(false))
        {
            // Ctrl+C cancels; an import then finishes and records the requests in flight, which the
            // SDK's attempt timeouts bound, so it is given time before the process is ended.
            var configuration = new InvocationConfiguration { Output = output, Error = environment.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a command's body with a client, turning every failure into one line on stderr and an exit code.</summary>
    public static async Task<int> WithClientAsync(GlobalOptions global, CliEnvironment environment, ParseResult result, Func<MemOSClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            var session = await ClientSession.OpenAsync(global.Read(result), environment, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                return await body(session.Client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CliException error)
        {
            await environment.Error.WriteLineAsync("memos: " + error.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync("memos: " + error.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (MemOSException error)
        {
            await environment.Error.WriteLineAsync("memos: " + error.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("memos: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
