using System.Runtime.InteropServices;
using MemOS.Client.Cli;

using var interrupt = new CliInterrupt();
var environment = CliEnvironment.FromProcess(interrupt);

// Ctrl+C cancels the command (which then finishes and records what it sent); a second one, or
// SIGTERM after Ctrl+C, ends the process with the cancelled exit code at once.
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (interrupt.Press(environment.Error))
    {
        Environment.Exit(ExitCodes.Cancelled);
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await MemosCli.RunAsync(args, environment, interrupt.Token).ConfigureAwait(false);
