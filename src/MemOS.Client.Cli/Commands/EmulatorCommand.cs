using System.CommandLine;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos emulator [--port N] [--rate-limit …] [--fault …] [--state FILE] [--log]</c>: a MemOS emulator on
/// 127.0.0.1 that stays until Ctrl+C or SIGTERM, so commands (and other tools, in any language, or an Aspire
/// AppHost) can be tried against it without a key, with the rate limits and faults of a real service.
/// </summary>
internal static class EmulatorCommand
{
    /// <summary>
    /// The key the emulator accepts unless --api-key names another: fixed, so a restarted emulator needs no new
    /// settings.
    /// </summary>
    private const string DefaultKey = "memos-emulator-key";

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1; 8001 when omitted, 0 for any free port.",
            DefaultValueFactory = _ => 8001,
        }.Between(0, 65535);
        var rateLimits = new Option<string[]>("--rate-limit")
        {
            Description = "Answer 40309 with Retry-After beyond this many requests per second: "
                + EmulatorSettings.RateLimitForm
                + ". Repeatable.",
        };
        var faults = new Option<string[]>("--fault")
        {
            Description = "Fail a fraction of calls at random: " + EmulatorSettings.FaultForm + ". Repeatable.",
        };
        var state = new Option<FileInfo?>("--state")
        {
            Description = "Keep memories and messages in this JSON file across restarts: read at start, written when "
                + "the emulator stops.",
        };
        var log = new Option<bool>("--log")
        {
            Description
                = "Print each request to standard error: time, method, path, user, status and code (never the key).",
        };
        rateLimits.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!EmulatorSettings.TryParseRateLimit(value, out _))
                {
                    result.AddError($"--rate-limit '{value}' is not {EmulatorSettings.RateLimitForm}.");
                }
            }
        });
        faults.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!EmulatorSettings.TryParseFault(value, out _))
                {
                    result.AddError($"--fault '{value}' is not {EmulatorSettings.FaultForm}.");
                }
            }
        });

        var command = new Command("emulator", "Run a local MemOS emulator until Ctrl+C and print its base URL and key "
            + "(set them as MEMOS_BASE_URL and MEMOS_API_KEY); its data lasts until it stops, or in --state "
            + "FILE.") { port, rateLimits, faults, state, log };
        command.SetAction(async (result, cancellationToken) =>
        {
            var values = global.Read(result);
            if (values.Emulator || values.BaseUrl is not null)
            {
                await environment.Error
                    .WriteLineAsync("memos: warning: --emulator and --base-url have no effect on 'memos emulator'.");
            }

            // Requests are answered on many threads; the log lines must not interleave.
            var logGate = new object();
            var options = new MemOSEmulatorOptions
            {
                Port = result.GetValue(port),
                ApiKey = values.ApiKey ?? DefaultKey,
                StateFile = result.GetValue(state)?.FullName,
                OnRequest = result.GetValue(log)
                    ? entry => { lock (logGate) { environment.Error.WriteLine("memos: " + entry); } }
                    : null,
            };
            MemOSEmulator emulator;
            try
            {
                emulator = await MemOSEmulator.StartAsync(options, cancellationToken);
            }
            catch (Exception error) when (error is IOException or InvalidDataException)
            {
                // A busy port, or a state file that cannot be read: one line and the fix, no stack trace.
                var fix = error is InvalidDataException ? string.Empty : " Choose another with --port.";
                await environment.Error.WriteLineAsync(
                    $"memos: cannot start the emulator on 127.0.0.1:{options.Port}: {error.Message}{fix}");
                return ExitCodes.Failed;
            }

            // The validators above refused every value that does not parse.
            foreach (var value in result.GetValue(rateLimits) ?? [])
            {
                if (EmulatorSettings.TryParseRateLimit(value, out var limit))
                {
                    emulator.SetRateLimit(limit.Route, limit.PerSecond);
                }
            }

            foreach (var value in result.GetValue(faults) ?? [])
            {
                if (EmulatorSettings.TryParseFault(value, out var fault))
                {
                    emulator.InjectRandomFault(fault.Route, fault.Fault, fault.Fraction);
                }
            }

            try
            {
                await using (emulator)
                {
                    if (values.Json)
                    {
                        await CliJson.WriteAsync(environment, new
                        {
                            base_url = emulator.BaseUrl.ToString(),
                            api_key = emulator.ApiKey,
                        });
                    }
                    else
                    {
                        await environment.Output.WriteLineAsync($"MEMOS_BASE_URL={emulator.BaseUrl}");
                        await environment.Output.WriteLineAsync($"MEMOS_API_KEY={emulator.ApiKey}");
                        await environment.Error.WriteLineAsync("memos: emulator running; set the two variables above "
                            + "in another shell, e.g. 'export MEMOS_BASE_URL=… MEMOS_API_KEY=…'. Ctrl+C stops it.");
                    }

                    await environment.Output.FlushAsync(cancellationToken);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C (or SIGTERM) is how an emulator is meant to stop.
                    }
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The state file is written as the emulator stops: a failure there loses this run's data, so it is an
                // error.
                await environment.Error.WriteLineAsync(
                    $"memos: the emulator state could not be written to {options.StateFile}: {error.Message}");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
