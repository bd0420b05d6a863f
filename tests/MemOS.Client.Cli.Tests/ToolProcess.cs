using System.Diagnostics;
using System.Text;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// The memos tool as a separate process, as a shell runs it: its exit code, standard output and
/// standard error apart. Either the tool itself with its arguments, or a bash script in which
/// <c>memos</c> runs the tool (for pipes, FIFOs and process substitution).
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    // The tool's own build output (same configuration and framework as this test's), with its own dependencies.
    private static readonly string Dll = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "MemOS.Client.Cli.Tests"), Path.Combine("src", "MemOS.Client.Cli"), StringComparison.Ordinal),
        "memos.dll");
    private static readonly string Dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        // No terminal and no inherited settings: the tool sees what a script gives it.
        foreach (var name in new[] { "MEMOS_API_KEY", "MEMOS_BASE_URL", "MEMOS_IS_GLOBAL", "MEMOS_USER_ID" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["MEMOS_TOOL_DLL"] = Dll;
        start.Environment["DOTNET_EXE"] = Dotnet;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, _outputClosed, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, _errorClosed, e.Data);
    }

    public int Id => _process.Id;

    public StreamWriter Input => _process.StandardInput;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>memos args…</c>.</summary>
    public static ToolProcess Start(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var start = new ProcessStartInfo(Dotnet) { ArgumentList = { Dll } };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Start(start, variables);
    }

    /// <summary>Starts another .NET program of this build, e.g. a console app that starts the emulator.</summary>
    public static ToolProcess Program(string dll) => Start(new ProcessStartInfo(Dotnet) { ArgumentList = { dll } }, null);

    /// <summary>Waits until standard output holds <paramref name="text"/> (or the process ends first).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Output.Contains(text, StringComparison.Ordinal) && !_process.HasExited)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Starts a bash script in which <c>memos</c> is the tool.</summary>
    public static ToolProcess Bash(IReadOnlyDictionary<string, string>? variables, string script)
        => Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", "set -euo pipefail; memos() { \"$DOTNET_EXE\" \"$MEMOS_TOOL_DLL\" \"$@\"; }\n" + script } }, variables);

    /// <summary>Runs <c>memos args…</c> with this standard input (closed after it) and waits for it to end.</summary>
    public static async Task<ToolProcess> RunAsync(IReadOnlyDictionary<string, string>? variables, string? input, params string[] args)
    {
        var process = Start(variables, args);
        if (input is not null)
        {
            await process.Input.WriteAsync(input);
        }

        process.Input.Close();
        await process.ExitAsync();
        return process;
    }

    public static Task<ToolProcess> RunAsync(params string[] args) => RunAsync(null, null, args);

    /// <summary>Runs a bash script (see <see cref="Bash"/>) to its end.</summary>
    public static async Task<ToolProcess> RunBashAsync(IReadOnlyDictionary<string, string>? variables, string script)
    {
        var process = Bash(variables, script);
        process.Input.Close();
        await process.ExitAsync();
        return process;
    }

    /// <summary>Waits for the process to end and its output to be read; the exit code.</summary>
    public async Task<int> ExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Sends a signal, as a shell's Ctrl+C (INT) or kill does.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits until standard error holds <paramref name="text"/> (or the process ends first).</summary>
    public async Task WaitForErrorAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Error.Contains(text, StringComparison.Ordinal) && !_process.HasExited)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static ToolProcess Start(ProcessStartInfo start, IReadOnlyDictionary<string, string>? variables)
    {
        var process = new ToolProcess(start);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder text, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}
