using System.CommandLine;
using Spectre.Console;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos status &lt;task&gt;</c>: the state of an asynchronous task; exit code 1 when it failed.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var task = new Argument<string>("task") { Description = "The task id an add or feedback printed." }.NotEmpty();
        var command = new Command("status", "Show whether an asynchronous task (an add, a feedback) is running, "
            + "completed or failed.")
        {
            task,
        };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var status = await session.Client.GetTaskStatusAsync(result.GetRequiredValue(task), token);
                var id = status.TaskId ?? result.GetRequiredValue(task);
                var state = status.Status?.Value ?? "unknown";
                if (global.Read(result).Json)
                {
                    await CliJson.WriteAsync(environment, new { task_id = id, status = state });
                }
                else
                {
                    environment.Console.WriteLine($"{id}: {state}");
                }

                return status.Status == MemOSTaskStatus.Failed ? ExitCodes.Failed : ExitCodes.Success;
            }, cancellationToken));
        return command;
    }
}
