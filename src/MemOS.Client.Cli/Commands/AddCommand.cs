using System.CommandLine;
using Spectre.Console;
using MemOS.Client.Messages;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos add --user &lt;id&gt; --conversation &lt;id&gt; &lt;text&gt;</c>: writes one message.</summary>
internal static class AddCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string>("--user")
        {
            Description = "The user the memory belongs to.",
            Required = true,
        }.NotEmpty();
        var conversation = new Option<string>("--conversation")
        {
            Description = "The conversation.",
            Required = true,
        }.NotEmpty();
        var role = new Option<string>("--role")
        {
            Description = $"Who said it: {string.Join(", ", KnownRoles.All)}.",
            DefaultValueFactory = _ => MessageRole.User.Value,
        };
        role.AcceptOnlyFromAmong([.. KnownRoles.All]);
        var chatTime = new Option<string?>("--chat-time")
        {
            Description = "When it was said, e.g. \"2025-09-12 08:00:00\"; now when omitted.",
        }.ChatTime();
        var text = new Argument<string>("text") { Description = "The message." }.MessageText();
        var command = new Command("add", "Write a message into MemOS; it prints the task that processes it.")
        {
            user,
            conversation,
            role,
            chatTime,
            text,
        };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var message = new MemOSMessage
                {
                    Role = result.GetRequiredValue(role),
                    Content = result.GetRequiredValue(text),
                    ChatTime = result.GetValue(chatTime),
                };
                var added = await session.Client.AddMessageAsync(new AddMessageRequest
                {
                    UserId = result.GetRequiredValue(user),
                    ConversationId = result.GetRequiredValue(conversation),
                    Messages = [message],
                }, token);
                if (global.Read(result).Json)
                {
                    await CliJson.WriteAsync(environment, new
                    {
                        task_id = added.TaskId,
                        status = added.Status?.Value ?? "accepted",
                    });
                }
                else
                {
                    environment.Console.WriteLine($"Added: task {added.TaskId ?? "(none)"}, "
                        + $"{added.Status?.Value ?? "accepted"}.");
                }

                return ExitCodes.Success;
            }, cancellationToken));
        return command;
    }
}
