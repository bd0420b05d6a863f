using System.CommandLine;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos status &lt;task&gt;</c>: the state of an asynchronous task; exit code 1 when it failed.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var task = new Argument<string>("task") { Description = "The task id an add or feedback printed." };
        var command = new Command("status", "Show whether an asynchronous task (an add, a feedback) is running, completed or failed.") { task };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, async (client, token) =>
        {
            var status = await client.GetTaskStatusAsync(result.GetRequiredValue(task), token);
            var state = status.Status?.Value ?? "unknown";
            environment.Console.WriteLine($"{status.TaskId ?? result.GetRequiredValue(task)}: {state}");
            return status.Status == MemOSTaskStatus.Failed ? ExitCodes.Failed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
