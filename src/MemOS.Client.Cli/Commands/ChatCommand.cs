using System.CommandLine;
using System.Text;
using MemOS.Client.Chat;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos chat --user &lt;id&gt; &lt;query&gt;</c>: the answer streams into the terminal, reasoning dimmed; with
/// --json, one object at the end.
/// </summary>
internal static class ChatCommand
{
    private static readonly Style Dim = new(decoration: Decoration.Dim);

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user") { Description = "The user.", Required = true }.NotEmpty();
        var conversation = new Option<string>("--conversation")
        {
            Description = "The conversation the turn belongs to (MemOS also writes the turn into the user's memory).",
            DefaultValueFactory = _ => "memos-cli",
        }.NotEmpty();
        var query = new Argument<string>("query") { Description = "The user's input." }.NotEmpty();
        var command = new Command("chat", "Ask a question answered with the user's memories; the answer streams as it "
            + "is generated, and the turn is written into memory.") { user, conversation, query };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var console = environment.Console;
                var json = global.Read(result).Json;
                var answer = new StringBuilder();
                var reasoning = new StringBuilder();
                var request = new ChatRequest
                {
                    UserId = result.GetRequiredValue(user),
                    ConversationId = result.GetRequiredValue(conversation),
                    Query = result.GetRequiredValue(query),
                };
                await foreach (var item in session.Client.ChatStreamAsync(request, token))
                {
                    switch (item)
                    {
                        case ChatReasoningDelta delta when json:
                            reasoning.Append(delta.Text);
                            break;
                        case ChatReasoningDelta delta:
                            console.Write(new Text(delta.Text, Dim));
                            break;
                        case ChatTextDelta delta when json:
                            answer.Append(delta.Text);
                            break;
                        case ChatTextDelta delta:
                            console.Write(new Text(delta.Text));
                            break;
                    }
                }

                if (json)
                {
                    await CliJson.WriteAsync(environment, new
                    {
                        answer = answer.ToString(),
                        reasoning = reasoning.Length == 0 ? null : reasoning.ToString(),
                    });
                }
                else
                {
                    console.WriteLine();
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }
}
