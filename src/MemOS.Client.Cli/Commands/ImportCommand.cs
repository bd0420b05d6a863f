using System.CommandLine;
using System.Globalization;
using MemOS.Client.Import;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos import &lt;file.jsonl&gt;</c>: a bulk import with a live progress bar and a summary table.
/// </summary>
internal static class ImportCommand
{
        public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("file")
        {
            Description = "JSON Lines, one conversation per line: {\"user_id\":\"u1\",\"conversation_id\":\"c1\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"…\",\"chat_time\":\"…\"}]}; - reads standard "
                + "input. A pipe or FIFO is read once, to its end, before anything is written.",
        }.NotEmpty();
        var checkpoint = new Option<FileInfo?>("--checkpoint")
        {
            Description = "A file recording what was written (each request's messages by hash, and the service and API "
                + "key, by hash, written to); run again with the same file to send only what is missing.",
        };
        var anyTarget = new Option<bool>("--checkpoint-any-target")
        {
            Description = "Use the --checkpoint file even though it records an import into another base URL or with "
                + "another API key (the same service under another URL, or a new key).",
        };
        var concurrency = new Option<int>("--max-concurrency")
        {
            Description = "The most requests at once; the import adapts below it to the service's rate limits.",
            DefaultValueFactory = _ => 8,
        }.Between(1);
        var messages = new Option<int>("--max-messages")
        {
            Description = "The most messages per request.",
            DefaultValueFactory = _ => MemOSLimits.MaxPageSize,
        }.Between(1);
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Import the valid lines and list the invalid ones, instead of writing nothing when a line is "
                + "invalid.",
        };
        var noSettle = new Option<bool>("--no-settle")
        {
            Description
                = "Do not read a conversation back to settle a request that may have been applied; report it instead.",
        };
        var command = new Command(
            "import",
            "Write conversation history from a JSON Lines file into MemOS, fast and never twice.")
        {
            file,
            checkpoint,
            anyTarget,
            concurrency,
            messages,
            skipInvalid,
            noSettle,
        };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, (session, token) => RunAsync(
                session,
                environment,
                result.GetRequiredValue(file),
                result.GetValue(checkpoint),
                result.GetValue(anyTarget),
                global.Read(result).Json,
                new ImportOptions
                {
                    MaxConcurrency = result.GetValue(concurrency),
                    InitialConcurrency = Math.Min(2, result.GetValue(concurrency)),
                    MaxMessagesPerRequest = result.GetValue(messages),
                    SkipInvalid = result.GetValue(skipInvalid),
                    SettleAmbiguousWrites = !result.GetValue(noSettle),
                },
                token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ClientSession session,
        CliEnvironment environment,
        string path,
        FileInfo? checkpointFile,
        bool anyTarget,
        bool json,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        var input = await ImportInput.OpenAsync(path, environment.StandardInput, environment.Error, cancellationToken)
            .ConfigureAwait(false);
        await using (input.ConfigureAwait(false))
        {
            var conversations = await input.CountConversationsAsync(cancellationToken).ConfigureAwait(false);
            FileImportCheckpoint? checkpoint = checkpointFile is null ? null : await OpenCheckpointAsync(
                checkpointFile,
                anyTarget ? null : session.Target,
                cancellationToken).ConfigureAwait(false);
            try
            {
                options.Checkpoint = checkpoint;
                var report = await ImportWithProgressAsync(
                    session.Client,
                    environment,
                    input.Stream,
                    conversations,
                    options,
                    cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    await CliJson.WriteAsync(environment, ImportSummary.Json(report)).ConfigureAwait(false);
                }
                else
                {
                    ImportSummary.Write(environment.Console, report);
                }

                if (session.Unreachable is null)
                {
                    ImportSummary.Advise(environment.Error, report, checkpointFile);
                }
                else
                {
                    // Connections were refused: what was not written never reached the service.
                    var p = report.Progress;
                    var except = p.MessagesMayHaveBeenApplied > 0
                        ? $", except {p.MessagesMayHaveBeenApplied} that may have been"
                        : string.Empty;
                    var rerun = checkpointFile is null ? string.Empty : $", with --checkpoint {checkpointFile.Name}";
                    await environment.Error.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"memos: {p.MessagesWritten} messages written; every other message is not applied (never "
                            + $"sent, or refused before reaching the service){except}. Run the same command again "
                            + $"once the service is reachable{rerun}.")).ConfigureAwait(false);
                }

                if (report.StoppedBy is { } stop)
                {
                    await environment.Error.WriteLineAsync("memos: import stopped at the first refusal, as every "
                        + $"later request would be refused too: {CliMessages.Describe(stop)}").ConfigureAwait(false);
                }

                return report.Succeeded
                    ? ExitCodes.Success
                    : report.Cancelled && report.StoppedBy is null ? ExitCodes.Cancelled : ExitCodes.Failed;
            }
            finally
            {
                if (checkpoint is not null)
                {
                    await checkpoint.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<FileImportCheckpoint> OpenCheckpointAsync(
        FileInfo file,
        ImportCheckpointTarget? target,
        CancellationToken cancellationToken)
    {
        try
        {
            return await FileImportCheckpoint.OpenAsync(file.FullName, target, cancellationToken).ConfigureAwait(false);
        }
        catch (ImportCheckpointException error) when (error.RecordedTarget is not null)
        {
            throw new CliException($"{error.Message} If it is the same service under another URL, or a new key of the "
                + "same account, pass --checkpoint-any-target.");
        }
        catch (ImportCheckpointException error)
        {
            throw new CliException(error.Message);
        }
    }

    private static async Task<ImportReport> ImportWithProgressAsync(
        MemOSClient client,
        CliEnvironment environment,
        Stream stream,
        long conversations,
        ImportOptions options,
        CancellationToken cancellationToken)
    {
        ImportReport? report = null;
        await environment.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: Math.Max(1, conversations));
                var progress = new Progress(snapshot =>
                {
                    task.Value = Math.Min(task.MaxValue, snapshot.ConversationsDone);

                    // On a terminal the bar redraws over the line Ctrl+C printed: it says the same itself.
                    task.Description = environment.Interrupt.Token.IsCancellationRequested
                        ? Markup.Escape(string.Create(
                            CultureInfo.InvariantCulture,
                            $"cancelling: waiting for {snapshot.InFlight} requests in flight "
                                + $"(Ctrl+C again stops at once)"))
                        : Describe(snapshot, conversations);
                });
                report = await client.ImportJsonLinesAsync(stream, options, progress, cancellationToken)
                    .ConfigureAwait(false);

                // The bar shows what was done: full only when everything was.
                task.MaxValue = Math.Max(1, report.Progress.ConversationsRead);
                task.Value = report.Progress.ConversationsDone;
                task.Description = Describe(report.Progress, report.Progress.ConversationsRead);
                task.StopTask();
            }).ConfigureAwait(false);
        return report!;
    }

    /// <summary>
    /// The progress line: counts, and an estimate of the time left from the first finished conversation on.
    /// </summary>
    private static string Describe(ImportProgress p, long conversations)
    {
        var eta = p.EstimatedRemaining ?? Estimate(p, conversations);
        var left = eta is { } time ? $", ETA {time:hh\\:mm\\:ss}" : ", ETA estimating";
        return Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{p.MessagesWritten + p.MessagesSkipped} messages, {p.InFlight} in flight, "
                + $"concurrency {p.Concurrency}, {p.RateLimitWaits} rate-limit waits{left}"));
    }

    private static TimeSpan? Estimate(ImportProgress p, long conversations)
        => p.ConversationsDone > 0
            ? TimeSpan.FromTicks((long)(p.Elapsed.Ticks
                * ((double)Math.Max(0, conversations - p.ConversationsDone) / p.ConversationsDone)))
            : null;

    /// <summary>Reports on the calling thread: the bar reads what the last report set.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
