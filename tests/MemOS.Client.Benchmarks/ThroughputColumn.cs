using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MemOS.Client.Benchmarks;

/// <summary>A rate derived from the mean: how many units (events, bytes, calls) one operation handles, per second.</summary>
internal sealed class ThroughputColumn(string name, string legend, double scale, Func<Type, double?> unitsPerOperation) : IColumn
{
    private static readonly Type[] RecordedStreamReaders = [typeof(StreamParseBenchmarks), typeof(StreamLoopbackBenchmarks)];

    public static ThroughputColumn EventsPerSecond { get; } = new(
        "Events/s", "events of the recorded stream parsed per second", 1, type => RecordedStreamReaders.Contains(type) ? RecordedStream.EventCount : null);

    public static ThroughputColumn MegabytesPerSecond { get; } = new(
        "MB/s", "megabytes (10^6 bytes) of the recorded stream parsed per second", 1e-6, type => RecordedStreamReaders.Contains(type) ? RecordedStream.Long.Length : null);

    public static ThroughputColumn CallsPerSecond { get; } = new(
        "Calls/s", "searches completed per second with 64 in flight", 1, type => type == typeof(ConcurrencyBenchmarks) ? ConcurrencyBenchmarks.Concurrency : null);

    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => false;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return unitsPerOperation(benchmarkCase.Descriptor.Type) is { } units && meanNanoseconds is > 0
            ? (units * scale / (meanNanoseconds.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => unitsPerOperation(c.Descriptor.Type) is not null);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
