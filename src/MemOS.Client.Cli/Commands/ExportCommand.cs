using System.CommandLine;
using System.Globalization;
using MemOS.Client.Import;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos export --user &lt;id&gt; [--messages] [--output f]</c>: a user's memories or messages as JSON Lines.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user")
        {
            Description = "The user whose data to export.",
            Required = true,
        }.NotEmpty();
        var messages = new Option<bool>("--messages")
        {
            Description = "Export raw messages (one conversation per line, in the import format) instead of memories.",
        };
        var conversations = new Option<string[]>("--conversation")
        {
            Description = "With --messages: only these conversations; by default every conversation the user's "
                + "memories came from.",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The file to write; standard output when omitted or -.",
        };
        var command = new Command("export", "Write every memory (all categories, all pages) or the messages of a user "
            + "as JSON Lines (to standard output unless --output is given).") { user, messages, conversations, output };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var client = session.Client;
                if (!result.GetValue(messages) && result.GetValue(conversations) is { Length: > 0 })
                {
                    await environment.Error
                        .WriteLineAsync("memos: warning: --conversation has no effect without --messages.");
                }

                var file = result.GetValue(output) is { } named && named.ToString() != "-" ? named : null;
                var stream = file is null
                    ? new ExportOutput(environment.StandardOutput, owns: false)
                    : new ExportOutput(File.Create(file.FullName), owns: true);
                var what = result.GetValue(messages) ? "conversations" : "memories";
                var chosen = result.GetValue(conversations) is { Length: > 0 } ids ? ids : null;
                MessageExportResult? export = null;
                long count;
                try
                {
                    var userId = result.GetRequiredValue(user);
                    if (result.GetValue(messages))
                    {
                        export = await client.ExportMessagesAsync(userId, chosen, stream, token);
                        count = export.Conversations;
                    }
                    else
                    {
                        count = await client.ExportMemoriesAsync(userId, stream, token);
                    }
                }
                catch (IOException) when (stream.Closed && file is null)
                {
                    // The reader went away (a pipe into head): what reached it is all that was exported.
                    await environment.Error.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"memos: standard output was closed after {stream.Lines} {what}; the export is incomplete."));
                    return ExitCodes.Failed;
                }
                finally
                {
                    if (file is not null)
                    {
                        await stream.DisposeAsync();
                    }
                }

                var messageCount = export is null
                    ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $" ({export.Messages} messages)");
                await environment.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Exported {count} {what}{messageCount}{(file is null ? string.Empty : " to " + file.Name)}."));
                if (export is null)
                {
                    return ExitCodes.Success;
                }

                foreach (var conversationId in export.PossiblyIncomplete)
                {
                    await environment.Error.WriteLineAsync($"warning: conversation {conversationId} returned "
                        + $"{MemOSLimits.MaxPageSize} messages, the most get/message returns; older messages may be "
                        + "missing from the export.");
                }

                foreach (var conversationId in export.MessagesWithoutText)
                {
                    await environment.Error.WriteLineAsync($"warning: conversation {conversationId}: messages the "
                        + "service returned without text are left out (an import could not write them).");
                }

                foreach (var conversationId in export.Empty)
                {
                    await environment.Error.WriteLineAsync($"warning: conversation {conversationId}: the service "
                        + "returned no message, so it is not in the export.");
                }

                if (chosen is null)
                {
                    // The API lists no conversations: they are found through the memories they produced.
                    await environment.Error.WriteLineAsync("note: conversations are found through the user's memories; "
                        + "one that produced no memory is exported only when named with --conversation.");
                }

                return export.Complete ? ExitCodes.Success : ExitCodes.Failed;
            }, cancellationToken));
        return command;
    }
}
