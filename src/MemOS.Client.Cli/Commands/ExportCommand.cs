using System.CommandLine;
using System.Globalization;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos export --user &lt;id&gt; [--messages] [--output f]</c>: a user's memories or messages as JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user") { Description = "The user whose data to export.", Required = true }.NotEmpty();
        var messages = new Option<bool>("--messages") { Description = "Export raw messages (one conversation per line, in the import format) instead of memories." };
        var conversations = new Option<string[]>("--conversation") { Description = "With --messages: only these conversations; by default every conversation the user's memories came from.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write; standard output when omitted or -." };
        var command = new Command("export", "Write every memory (all categories, all pages) or the messages of a user as JSON Lines (to standard output unless --output is given).") { user, messages, conversations, output };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, async (session, token) =>
        {
            var client = session.Client;
            if (!result.GetValue(messages) && result.GetValue(conversations) is { Length: > 0 })
            {
                await environment.Error.WriteLineAsync("memos: warning: --conversation has no effect without --messages.");
            }

            var file = result.GetValue(output) is { } named && named.ToString() != "-" ? named : null;
            var stream = file is null ? environment.StandardOutput : File.Create(file.FullName);
            long count;
            IReadOnlyList<string> incomplete = [];
            try
            {
                var userId = result.GetRequiredValue(user);
                if (result.GetValue(messages))
                {
                    var export = await client.ExportMessagesAsync(userId, result.GetValue(conversations) is { Length: > 0 } ids ? ids : null, stream, token);
                    (count, incomplete) = (export.Messages, export.PossiblyIncomplete);
                }
                else
                {
                    count = await client.ExportMemoriesAsync(userId, stream, token);
                }
            }
            finally
            {
                if (file is not null)
                {
                    await stream.DisposeAsync();
                }
            }

            var what = result.GetValue(messages) ? "messages" : "memories";
            await environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {count} {what}{(file is null ? string.Empty : " to " + file.Name)}."));
            foreach (var conversationId in incomplete)
            {
                await environment.Error.WriteLineAsync($"warning: conversation {conversationId} returned {MemOSLimits.MaxPageSize} messages, the most get/message returns; older messages may be missing from the export.");
            }

            if (incomplete.Count > 0)
            {
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
