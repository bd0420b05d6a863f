using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// This benchmark published with ReadyToRun (<c>-p:PublishReadyToRun=true</c>) into a temporary
/// directory: the SDK, its dependencies and the benchmark precompiled, as a short-lived application
/// published that way gets them. Needs the .NET SDK and this repository; takes a few minutes.
/// </summary>
internal sealed class ReadyToRunBuild : IDisposable
{
    private readonly string _directory;

    private ReadyToRunBuild(string directory, string executable)
    {
        _directory = directory;
        Executable = executable;
    }

    public string Executable { get; }

    public static async Task<ReadyToRunBuild> PublishAsync(string repository)
    {
        var directory = Directory.CreateTempSubdirectory("memos-served-r2r-").FullName;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(repository, "tests", "MemOS.Client.Benchmarks"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", directory, "-nodeReuse:false",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        var executable = Path.Combine(directory, "MemOS.Client.Benchmarks");
        if (publish.ExitCode != 0 || !File.Exists(executable))
        {
            Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException($"The ReadyToRun publish failed (exit code {publish.ExitCode}):{Environment.NewLine}{await output}{await errors}");
        }

        return new ReadyToRunBuild(directory, executable);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
