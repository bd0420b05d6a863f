using System.CommandLine;
using System.Globalization;
using MemOS.Client.Import;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos import &lt;file.jsonl&gt;</c>: a bulk import with a live progress bar and a summary table.</summary>
internal static class ImportCommand
{
        public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<string>("file") { Description = "JSON Lines, one conversation per line: {\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"…\",\"chat_time\":\"…\"}]}; - reads standard input. A pipe or FIFO is read once, to its end, before anything is written." }.NotEmpty();
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A file recording what was written; run again with the same file to send only what is missing." };
        var concurrency = new Option<int>("--max-concurrency") { Description = "The most requests at once; the import adapts below it to the service's rate limits.", DefaultValueFactory = _ => 8 }.Between(1);
        var messages = new Option<int>("--max-messages") { Description = "The most messages per request.", DefaultValueFactory = _ => MemOSLimits.MaxPageSize }.Between(1);
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid lines and list the invalid ones, instead of writing nothing when a line is invalid." };
        var noSettle = new Option<bool>("--no-settle") { Description = "Do not read a conversation back to settle a request that may have been applied; report it instead." };
        var command = new Command("import", "Write conversation history from a JSON Lines file into MemOS, fast and never twice.") { file, checkpoint, concurrency, messages, skipInvalid, noSettle };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, (session, token) =>
            RunAsync(session, environment, result.GetRequiredValue(file), result.GetValue(checkpoint), global.Read(result).Json, new ImportOptions
            {
                MaxConcurrency = result.GetValue(concurrency),
                InitialConcurrency = Math.Min(2, result.GetValue(concurrency)),
                MaxMessagesPerRequest = result.GetValue(messages),
                SkipInvalid = result.GetValue(skipInvalid),
                SettleAmbiguousWrites = !result.GetValue(noSettle),
            }, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ClientSession session, CliEnvironment environment, string path, FileInfo? checkpointFile, bool json, ImportOptions options, CancellationToken cancellationToken)
    {
        var input = await ImportInput.OpenAsync(path, environment.StandardInput, environment.Error, cancellationToken).ConfigureAwait(false);
        await using (input.ConfigureAwait(false))
        {
            var conversations = await input.CountConversationsAsync(cancellationToken).ConfigureAwait(false);
            FileImportCheckpoint? checkpoint = checkpointFile is null ? null : await FileImportCheckpoint.OpenAsync(checkpointFile.FullName, cancellationToken).ConfigureAwait(false);
            try
            {
                options.Checkpoint = checkpoint;
                var report = await ImportWithProgressAsync(session.Client, environment, input.Stream, conversations, options, cancellationToken).ConfigureAwait(false);
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

                return report.Succeeded ? ExitCodes.Success : report.Cancelled ? ExitCodes.Cancelled : ExitCodes.Failed;
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

    private static async Task<ImportReport> ImportWithProgressAsync(MemOSClient client, CliEnvironment environment, Stream stream, long conversations, ImportOptions options, CancellationToken cancellationToken)
    {
        ImportReport? report = null;
        await environment.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: Math.Max(1, conversations));
                var progress = new Progress(snapshot =>
                {
                    task.Value = Math.Min(task.MaxValue, snapshot.ConversationsDone);
                    task.Description = Describe(snapshot, conversations);
                });
                report = await client.ImportJsonLinesAsync(stream, options, progress, cancellationToken).ConfigureAwait(false);

                // The bar shows what was done: full only when everything was.
                task.MaxValue = Math.Max(1, report.Progress.ConversationsRead);
                task.Value = report.Progress.ConversationsDone;
                task.Description = Describe(report.Progress, report.Progress.ConversationsRead);
                task.StopTask();
            }).ConfigureAwait(false);
        return report!;
    }

    /// <summary>The progress line: counts, and an estimate of the time left from the first finished conversation on.</summary>
    private static string Describe(ImportProgress p, long conversations)
    {
        var eta = p.EstimatedRemaining ?? Estimate(p, conversations);
        var left = eta is { } time ? $", ETA {time:hh\\:mm\\:ss}" : ", ETA estimating";
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.MessagesWritten + p.MessagesSkipped} messages, {p.InFlight} in flight, concurrency {p.Concurrency}, {p.RateLimitWaits} rate-limit waits{left}"));
    }

    private static TimeSpan? Estimate(ImportProgress p, long conversations)
        => p.ConversationsDone > 0
            ? TimeSpan.FromTicks((long)(p.Elapsed.Ticks * ((double)Math.Max(0, conversations - p.ConversationsDone) / p.ConversationsDone)))
            : null;

    /// <summary>Reports on the calling thread: the bar reads what the last report set.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
