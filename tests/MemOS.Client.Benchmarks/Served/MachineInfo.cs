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
