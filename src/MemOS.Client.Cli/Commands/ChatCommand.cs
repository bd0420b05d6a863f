using System.CommandLine;
using MemOS.Client.Chat;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos chat --user &lt;id&gt; &lt;query&gt;</c>: the answer streams into the terminal, reasoning dimmed.</summary>
internal static class ChatCommand
{
    private static readonly Style Dim = new(decoration: Decoration.Dim);

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user") { Description = "The user.", Required = true };
        var conversation = new Option<string>("--conversation") { Description = "The conversation the turn belongs to.", DefaultValueFactory = _ => "memos-cli" };
        var query = new Argument<string>("query") { Description = "The user's input." };
        var command = new Command("chat", "Ask a question answered with the user's memories; the answer streams as it is generated.") { user, conversation, query };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, async (client, token) =>
        {
            var console = environment.Console;
            var request = new ChatRequest { UserId = result.GetRequiredValue(user), ConversationId = result.GetRequiredValue(conversation), Query = result.GetRequiredValue(query) };
            await foreach (var item in client.ChatStreamAsync(request, token))
            {
                switch (item)
                {
                    case ChatReasoningDelta reasoning:
                        console.Write(new Text(reasoning.Text, Dim));
                        break;
                    case ChatTextDelta text:
                        console.Write(new Text(text.Text));
                        break;
                }
            }

            console.WriteLine();
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
