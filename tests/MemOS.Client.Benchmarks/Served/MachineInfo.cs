using System.Collections;
using System.Runtime;
using System.Runtime.InteropServices;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>What the results were measured on.</summary>
internal static class MachineInfo
{
    /// <summary>Processors this process may run on, as <c>nproc</c> counts them.</summary>
    public static int Processors => Environment.ProcessorCount;

    public static string CpuModel { get; } = ReadCpuModel();

    public static string Runtime => RuntimeInformation.FrameworkDescription;

    public static string OperatingSystem => RuntimeInformation.OSDescription;

    /// <summary>The garbage collector's mode, as the runtime settings chose it.</summary>
    public static string GarbageCollector => (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent");

    /// <summary>The runtime's <c>DOTNET_</c> variables in this environment (the benchmark sets none): they change what is measured.</summary>
    public static string RuntimeVariables()
    {
        // These configure the dotnet command and SDK, not the runtime the benchmark runs on.
        string[] commandOnly = ["DOTNET_CLI_", "DOTNET_NOLOGO", "DOTNET_GENERATE_ASPNET_CERTIFICATE", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "DOTNET_ROOT"];
        var set = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(entry => $"{entry.Key}={entry.Value}")
            .Where(variable => variable.StartsWith("DOTNET_", StringComparison.Ordinal) || variable.StartsWith("COMPlus_", StringComparison.Ordinal))
            .Where(variable => !commandOnly.Any(prefix => variable.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return set.Count == 0 ? "none" : string.Join(", ", set.Select(variable => $"`{variable}`"));
    }

    /// <summary>The 1, 5 and 15 minute load averages, as <c>/proc/loadavg</c> gives them.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string ReadCpuModel()
        => File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault() ?? "unknown"
            : "unknown";
}
