using System.CommandLine;
using System.Globalization;
using MemOS.Client.Import;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos import &lt;file.jsonl&gt;</c>: a bulk import with a live progress bar and a summary table.</summary>
internal static class ImportCommand
{
    private const int ListedFailures = 20;

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines, one conversation per line: {\"user_id\":\"u1\",\"conversation_id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"…\",\"chat_time\":\"…\"}]}." };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A file recording what was written; run again with the same file to send only what is missing." };
        var concurrency = new Option<int>("--max-concurrency") { Description = "The most requests at once; the import adapts below it to the service's rate limits.", DefaultValueFactory = _ => 8 };
        var messages = new Option<int>("--max-messages") { Description = "The most messages per request.", DefaultValueFactory = _ => 50 };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid lines and list the invalid ones, instead of writing nothing when a line is invalid." };
        var noSettle = new Option<bool>("--no-settle") { Description = "Do not read a conversation back to settle a request that may have been applied; report it instead." };
        var command = new Command("import", "Write conversation history from a JSON Lines file into MemOS, fast and never twice.") { file, checkpoint, concurrency, messages, skipInvalid, noSettle };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, (client, token) =>
            RunAsync(client, environment.Console, result.GetRequiredValue(file), result.GetValue(checkpoint), new ImportOptions
            {
                MaxConcurrency = result.GetValue(concurrency),
                InitialConcurrency = Math.Min(2, Math.Max(1, result.GetValue(concurrency))),
                MaxMessagesPerRequest = result.GetValue(messages),
                SkipInvalid = result.GetValue(skipInvalid),
                SettleAmbiguousWrites = !result.GetValue(noSettle),
            }, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(MemOSClient client, IAnsiConsole console, FileInfo file, FileInfo? checkpointFile, ImportOptions options, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"The file '{file.FullName}' does not exist.");
        }

        var conversations = File.ReadLines(file.FullName).Count(line => !string.IsNullOrWhiteSpace(line));
        FileImportCheckpoint? checkpoint = checkpointFile is null ? null : await FileImportCheckpoint.OpenAsync(checkpointFile.FullName, cancellationToken).ConfigureAwait(false);
        try
        {
            options.Checkpoint = checkpoint;
            ImportReport? report = null;
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Importing", maxValue: Math.Max(1, conversations));
                    var progress = new Progress(snapshot =>
                    {
                        task.Value = snapshot.ConversationsDone;
                        task.Description = Describe(snapshot);
                    });
                    var stream = File.OpenRead(file.FullName);
                    await using (stream.ConfigureAwait(false))
                    {
                        report = await client.ImportJsonLinesAsync(stream, options, progress, cancellationToken).ConfigureAwait(false);
                    }

                    task.Value = task.MaxValue;
                }).ConfigureAwait(false);

            Summarize(console, report!, checkpointFile);
            return report!.Succeeded ? ExitCodes.Success : report.Cancelled ? ExitCodes.Cancelled : ExitCodes.Failed;
        }
        finally
        {
            if (checkpoint is not null)
            {
                await checkpoint.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Describe(ImportProgress p)
    {
        var eta = p.EstimatedRemaining is { } left ? $", ETA {left:hh\\:mm\\:ss}" : string.Empty;
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.MessagesWritten + p.MessagesSkipped} messages, {p.InFlight} in flight, concurrency {p.Concurrency}, {p.RateLimitWaits} rate-limit waits{eta}"));
    }

    private static void Summarize(IAnsiConsole console, ImportReport report, FileInfo? checkpointFile)
    {
        var p = report.Progress;
        var table = new Table().Title("Import").AddColumns("Outcome", "Requests", "Messages");
        table.AddRow("Written", report.Written.Count.ToString(CultureInfo.InvariantCulture), p.MessagesWritten.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Already written (checkpoint)", "-", p.MessagesSkipped.ToString(CultureInfo.InvariantCulture));
        table.AddRow("May have been applied", report.MayHaveBeenApplied.Count.ToString(CultureInfo.InvariantCulture), p.MessagesMayHaveBeenApplied.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Not applied", report.NotApplied.Count.ToString(CultureInfo.InvariantCulture), p.MessagesNotApplied.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.ConversationsDone} of {p.ConversationsRead} conversations done in {p.Elapsed.TotalSeconds:0.0} s, {p.RateLimitWaits} rate-limit waits."));
        if (p.ReadBacks > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.WritesSettled} uncertain requests settled by {p.ReadBacks} read-backs."));
        }

        foreach (var problem in report.InvalidLines)
        {
            console.WriteLine($"skipped: {problem}");
        }

        foreach (var failure in report.MayHaveBeenApplied.Take(ListedFailures))
        {
            console.WriteLine($"may have been applied: {failure.Range}: {failure.Error.Message}");
        }

        foreach (var failure in report.NotApplied.Take(ListedFailures))
        {
            console.WriteLine($"not applied: {failure.Range}: {failure.Error.Message}");
        }

        if (report.MayHaveBeenApplied.Count + report.NotApplied.Count > 2 * ListedFailures)
        {
            console.WriteLine("(more failures not listed)");
        }

        if (report.Cancelled)
        {
            console.WriteLine(checkpointFile is null ? "Cancelled." : $"Cancelled; run the same command again with --checkpoint {checkpointFile.Name} to send the rest.");
        }
        else if (report.NotApplied.Count > 0 && checkpointFile is not null)
        {
            console.WriteLine("Run the same command again to retry what was not applied; what may have been applied is settled by reading it back, never re-sent blindly.");
        }
    }

    /// <summary>Reports on the calling thread: the bar reads what the last report set.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
