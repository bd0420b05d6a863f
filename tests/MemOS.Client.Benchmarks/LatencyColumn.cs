using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MemOS.Client.Benchmarks;

/// <summary>A per-call latency percentile, as published by a <see cref="LatencyRecorder"/>.</summary>
internal sealed class LatencyColumn(string name, int index) : IColumn
{
    private const string DirectoryVariable = "MEMOS_BENCH_LATENCY_DIR";

    public static LatencyColumn P50 { get; } = new("p50 call", 0);

    public static LatencyColumn P99 { get; } = new("p99 call", 1);

    public string Id => nameof(LatencyColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => index;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name} latency of single calls within the concurrent batch (microseconds)";

    /// <summary>Makes the folder the benchmark processes write to; they inherit its path.</summary>
    public static string CreateDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("memos-bench-latency-").FullName;
        Environment.SetEnvironmentVariable(DirectoryVariable, directory);
        return directory;
    }

    public static string FileFor(string benchmark)
        => Path.Combine(Environment.GetEnvironmentVariable(DirectoryVariable) ?? throw new InvalidOperationException($"{DirectoryVariable} is not set."), benchmark + ".txt");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var file = FileFor(benchmarkCase.Descriptor.WorkloadMethod.Name);
        return File.Exists(file) ? File.ReadAllText(file).Split(' ')[index] + " μs" : "-";
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => File.Exists(FileFor(c.Descriptor.WorkloadMethod.Name)));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
