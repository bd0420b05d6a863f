using System.Globalization;
using MemOS.Client.Import;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// What an import reports: the outcome table (or JSON) on standard output, failures and advice on standard error.
/// </summary>
internal static class ImportSummary
{
    private const int ListedFailures = 20;

    public static void Write(IAnsiConsole console, ImportReport report)
    {
        var p = report.Progress;
        var table = new Table().Title("Import").AddColumns("Outcome", "Requests", "Messages");
        table.AddRow("Written", Count(report.Written.Count), Count(p.MessagesWritten));
        table.AddRow("Already written (checkpoint)", "-", Count(p.MessagesSkipped));
        table.AddRow(
            "May have been applied",
            Count(report.MayHaveBeenApplied.Count),
            Count(p.MessagesMayHaveBeenApplied));
        table.AddRow("Not applied", Count(report.NotApplied.Count), Count(p.MessagesNotApplied));
        console.Write(table);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{p.Conversations} conversations in {p.ConversationsRead} lines, {p.ConversationsDone} of them done in "
                + $"{p.Elapsed.TotalSeconds:0.0} s, {p.RateLimitWaits} rate-limit waits."));
        if (report.InvalidLines.Count > 0)
        {
            var invalid = report.InvalidLines.Select(problem => problem.Line).Distinct().Count();
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{invalid} invalid lines skipped (listed on standard error)."));
        }
        if (p.ReadBacks > 0)
        {
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{p.WritesSettled} uncertain requests settled by {p.ReadBacks} read-backs."));
        }
    }

    public static object Json(ImportReport report)
    {
        var p = report.Progress;
        return new
        {
            succeeded = report.Succeeded,
            cancelled = report.Cancelled,
            stopped_by = report.StoppedBy?.Message,
            conversations = p.Conversations,
            lines_read = p.ConversationsRead,
            lines_done = p.ConversationsDone,
            lines_invalid = report.InvalidLines.Select(problem => problem.Line).Distinct().Count(),
            requests_written = report.Written.Count,
            messages_written = p.MessagesWritten,
            messages_already_written = p.MessagesSkipped,
            messages_may_have_been_applied = p.MessagesMayHaveBeenApplied,
            messages_not_applied = p.MessagesNotApplied,
            may_have_been_applied = report.MayHaveBeenApplied.Select(f => new
            {
                range = f.Range.ToString(),
                error = f.Error.Message,
            }),
            not_applied = report.NotApplied.Select(f => new { range = f.Range.ToString(), error = f.Error.Message }),
            invalid_lines = report.InvalidLines.Select(problem => problem.ToString()),
            writes_settled = p.WritesSettled,
            read_backs = p.ReadBacks,
            rate_limit_waits = p.RateLimitWaits,
            elapsed_seconds = Math.Round(p.Elapsed.TotalSeconds, 3),
        };
    }

    /// <summary>The failures (the first few of each kind) and what to do next, on standard error.</summary>
    public static void Advise(TextWriter error, ImportReport report, FileInfo? checkpointFile)
    {
        foreach (var problem in report.InvalidLines)
        {
            error.WriteLine($"skipped: {problem}");
        }

        foreach (var failure in report.MayHaveBeenApplied.Take(ListedFailures))
        {
            error.WriteLine($"may have been applied: {failure.Range}: {failure.Error.Message}");
        }

        foreach (var failure in report.NotApplied.Take(ListedFailures))
        {
            error.WriteLine($"not applied: {failure.Range}: {failure.Error.Message}");
        }

        if (report.MayHaveBeenApplied.Count + report.NotApplied.Count > 2 * ListedFailures)
        {
            error.WriteLine("(more failures not listed)");
        }

        if (report.Cancelled)
        {
            error.WriteLine(checkpointFile is null
                ? "memos: cancelled. Without --checkpoint nothing records what was written: running the same command "
                    + "again sends every message again, those written now included."
                : $"memos: cancelled; run the same command again with --checkpoint {checkpointFile.Name} to send the "
                    + "rest.");
        }
        else if (report.NotApplied.Count > 0 && checkpointFile is not null)
        {
            error.WriteLine("Run the same command again to retry what was not applied; what may have been applied is "
                + "settled by reading it back, never re-sent blindly.");
        }
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
