using System.CommandLine;
using System.Globalization;
using MemOS.Client.Cli.Commands;

namespace MemOS.Client.Cli;

/// <summary>The <c>memos</c> command line: builds the commands and runs one.</summary>
internal static class MemosCli
{
    public static async Task<int> RunAsync(
        string[] args,
        CliEnvironment environment,
        CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(
            "memos: import, export, search and chat with MemOS memory, or serve it to AI assistants over MCP.")
        {
            global.ApiKey,
            global.BaseUrl,
            global.Emulator,
            global.Json,
            ImportCommand.Create(global, environment),
            ExportCommand.Create(global, environment),
            SearchCommand.Create(global, environment),
            AddCommand.Create(global, environment),
            ChatCommand.Create(global, environment),
            StatusCommand.Create(global, environment),
            McpCommand.Create(global, environment),
            EmulatorCommand.Create(global, environment),
        };

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new ToolVersion(environment.Output);
        }

        var parsed = root.Parse(args);
        var unknownOptions = UnknownOptions.In(parsed);
        if (parsed.Errors.Count > 0 || unknownOptions.Count > 0)
        {
            // Every parse error is a usage error (2), told on stderr, so scripts can tell a typo from a failed request
            // (1). A misspelt option is named first: the parser's own errors then follow from it (values left over).
            foreach (var error in unknownOptions.Concat(parsed.Errors.Select(error => error.Message)))
            {
                await environment.Error.WriteLineAsync("memos: " + error).ConfigureAwait(false);
            }

            var usage = parsed.CommandResult.Command is RootCommand
                ? ["memos"]
                : (string[])["memos", parsed.CommandResult.Command.Name];
            await environment.Error.WriteLineAsync($"Run '{string.Join(' ', usage)} --help' for usage.")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Ctrl+C is handled by the caller (Program), which cancels the token; nothing here ends the process.
        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            ProcessTerminationTimeout = null,
        };
        return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a command's body with a client, turning every failure into one line on stderr and an exit code.
    /// Unless <paramref name="failFast"/> is false, the command stops once the service proves unreachable.
    /// </summary>
    public static async Task<int> WithClientAsync(
        GlobalOptions global,
        CliEnvironment environment,
        ParseResult result,
        Func<ClientSession, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        bool failFast = true)
    {
        var values = global.Read(result);
        if (values.Emulator && (values.BaseUrl is not null || values.ApiKey is not null))
        {
            await environment.Error.WriteLineAsync(
                "memos: warning: --base-url and --api-key have no effect with --emulator.").ConfigureAwait(false);
        }

        ClientSession? session = null;
        try
        {
            session = await ClientSession.OpenAsync(values, environment, failFast, cancellationToken)
                .ConfigureAwait(false);
            var open = session;
            environment.Interrupt.Waiting = () => open.InFlight switch
            {
                0 => null,
                1 => "1 request in flight to finish and be recorded",
                var count => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{count} requests in flight to finish and be recorded"),
            };
            await using (session.ConfigureAwait(false))
            {
                var code = await body(session, session.Token).ConfigureAwait(false);
                return session.Unreachable is null
                    ? code
                    : await UnreachableAsync(environment, session, values.Json).ConfigureAwait(false);
            }
        }
        catch (Exception) when (session?.Unreachable is not null)
        {
            return await UnreachableAsync(environment, session, values.Json).ConfigureAwait(false);
        }
        catch (CliException error)
        {
            return await FailAsync(environment, values.Json, error.Message, ExitCodes.Usage).ConfigureAwait(false);
        }
        catch (Exception error)
            when (error is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            return await FailAsync(environment, values.Json, error.Message, ExitCodes.Usage).ConfigureAwait(false);
        }
        catch (MemOSException error)
        {
            return await FailAsync(environment, values.Json, CliMessages.Describe(error), ExitCodes.Failed)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(environment, values.Json, "cancelled.", ExitCodes.Cancelled).ConfigureAwait(false);
        }
    }

    private static Task<int> UnreachableAsync(CliEnvironment environment, ClientSession session, bool json)
        => FailAsync(environment, json, session.Unreachable!, ExitCodes.Failed);

    /// <summary>
    /// A command's failure: one line on standard error, and with --json also a JSON object on
    /// standard output (<c>{"error":"…","exit_code":1}</c>), so a script reading it gets JSON either way.
    /// </summary>
    private static async Task<int> FailAsync(CliEnvironment environment, bool json, string message, int code)
    {
        await environment.Error.WriteLineAsync("memos: " + message).ConfigureAwait(false);
        if (json)
        {
            await CliJson.WriteAsync(environment, new { error = message, exit_code = code }).ConfigureAwait(false);
        }

        return code;
    }
}
