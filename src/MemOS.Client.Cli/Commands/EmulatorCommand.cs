using System.CommandLine;
using System.Net.Sockets;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos emulator [--port N]</c>: a MemOS emulator on 127.0.0.1 that stays until Ctrl+C, so commands
/// (and other tools, in any language) can be tried against it without a key. Its data lives in memory.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>The key the emulator accepts unless --api-key names another: fixed, so a restarted emulator needs no new settings.</summary>
    private const string DefaultKey = "memos-emulator-key";

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1; 8001 when omitted, 0 for any free port.", DefaultValueFactory = _ => 8001 }.Between(0, 65535);
        var command = new Command("emulator", "Run a local MemOS emulator until Ctrl+C and print its base URL and key (set them as MEMOS_BASE_URL and MEMOS_API_KEY); its data lasts until it stops.") { port };
        command.SetAction(async (result, cancellationToken) =>
        {
            var values = global.Read(result);
            if (values.Emulator || values.BaseUrl is not null)
            {
                await environment.Error.WriteLineAsync("memos: warning: --emulator and --base-url have no effect on 'memos emulator'.");
            }

            MemOSEmulator emulator;
            try
            {
                emulator = await MemOSEmulator.StartAsync(new MemOSEmulatorOptions { Port = result.GetValue(port), ApiKey = values.ApiKey ?? DefaultKey }, cancellationToken);
            }
            catch (IOException error) when (error.InnerException is SocketException or null)
            {
                await environment.Error.WriteLineAsync($"memos: cannot listen on 127.0.0.1:{result.GetValue(port)}: {error.Message} Choose another with --port.");
                return ExitCodes.Failed;
            }

            await using (emulator)
            {
                if (values.Json)
                {
                    await CliJson.WriteAsync(environment, new { base_url = emulator.BaseUrl.ToString(), api_key = emulator.ApiKey });
                }
                else
                {
                    await environment.Output.WriteLineAsync($"MEMOS_BASE_URL={emulator.BaseUrl}");
                    await environment.Output.WriteLineAsync($"MEMOS_API_KEY={emulator.ApiKey}");
                    await environment.Error.WriteLineAsync("memos: emulator running; set the two variables above in another shell, e.g. 'export MEMOS_BASE_URL=… MEMOS_API_KEY=…'. Ctrl+C stops it.");
                }

                await environment.Output.FlushAsync(cancellationToken);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is how an emulator is meant to stop.
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
