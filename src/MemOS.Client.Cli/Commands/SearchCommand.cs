using System.CommandLine;
using System.Globalization;
using MemOS.Client.Memories;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos search --user &lt;id&gt; &lt;query&gt;</c>: the memories recalled for a query, in a table or as JSON.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user")
        {
            Description = "The user whose memories to search.",
            Required = true,
        }.NotEmpty();
        var conversation = new Option<string?>("--conversation")
        {
            Description = "Weigh this conversation's memories higher.",
        };
        var query = new Argument<string>("query") { Description = "What to recall memories for." }.NotEmpty();
        var command = new Command("search", "Recall the memories relevant to a query.") { user, conversation, query };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var found = await session.Client.SearchMemoryAsync(new SearchMemoryRequest
                {
                    UserId = result.GetRequiredValue(user),
                    ConversationId = result.GetValue(conversation),
                    Query = result.GetRequiredValue(query),
                }, token);
                if (global.Read(result).Json)
                {
                    await CliJson.WriteAsync(environment, CliJson.Search(found));
                    return ExitCodes.Success;
                }

                var table = new Table().AddColumns("Kind", "Memory", "Relevance");
                foreach (var memory in found.Memories)
                {
                    table.AddRow(
                        new Text("fact"),
                        new Text(memory.MemoryValue ?? string.Empty),
                        new Text(Score(memory.Relativity)));
                }

                foreach (var preference in found.Preferences)
                {
                    table.AddRow(
                        new Text("preference"),
                        new Text(preference.Preference ?? string.Empty),
                        new Text(Score(preference.Relativity)));
                }

                if (table.Rows.Count == 0)
                {
                    environment.Console.WriteLine("No memories found.");
                }
                else
                {
                    environment.Console.Write(table);
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }

    private static string Score(double? relativity)
        => relativity?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
}
