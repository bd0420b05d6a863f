using System.Diagnostics;
using System.Reflection;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>This benchmark started again in a process of its own, for measurements that need a fresh process.</summary>
internal static class SelfProcess
{
    /// <summary>Runs the benchmark (or <paramref name="executable"/>) with <paramref name="args"/> and returns what it wrote to standard output.</summary>
    /// <exception cref="InvalidOperationException">It failed or did not finish in time; the message holds what it wrote to standard error.</exception>
    public static async Task<string> RunAsync(IEnumerable<string> args, TimeSpan timeout, string? executable = null)
    {
        // Started as this program was (its apphost, or `dotnet` with this assembly), or as the given executable.
        var start = new ProcessStartInfo(executable ?? Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (executable is null && Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var output = child.StandardOutput.ReadToEndAsync(deadline.Token);
            var errors = child.StandardError.ReadToEndAsync(deadline.Token);
            await child.WaitForExitAsync(deadline.Token);
            return child.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"The child process `{string.Join(' ', start.ArgumentList.Skip(1))}` failed with exit code {child.ExitCode}:{Environment.NewLine}{await errors}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The child process `{string.Join(' ', start.ArgumentList.Skip(1))}` did not finish within {timeout.TotalMinutes:0} minutes.");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }
}
