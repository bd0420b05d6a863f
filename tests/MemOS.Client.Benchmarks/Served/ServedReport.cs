using System.Globalization;
using System.Text;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// The results as markdown tables: per warm-up level, each figure the median of its rounds, and each
/// ratio the median of the ratios to floor (a) measured in the same round.
/// </summary>
internal sealed class ServedReport(
    ServedSettings settings,
    DateTimeOffset started,
    string loadAtStart,
    IReadOnlyList<ServedEntrant> entrants)
{
    private const string Floor = "a";

    private readonly List<(int Level, int Round, string Key, string Workload, Measurement Measurement)> _measurements = [];

    public string Server { get; set; } = string.Empty;

    public string LoadAtEnd { get; set; } = string.Empty;

    public IReadOnlyList<JitWarmUpResult> JitResults { get; set; } = [];

    public void Add(int level, int round, string key, string workload, Measurement measurement) => _measurements.Add((level, round, key, workload, measurement));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Line(text, $"## Served benchmark, {settings.Mode} mode: {started:yyyy-MM-dd HH:mm} UTC");
        Line(text);
        Line(text, $"- Machine: {MachineInfo.Processors} processors (`nproc`), {MachineInfo.CpuModel}; {MachineInfo.OperatingSystem}; {MachineInfo.Runtime}, {MachineInfo.GarbageCollector} GC; runtime variables in the environment: {MachineInfo.RuntimeVariables()} (the benchmark sets none).");
        Line(text, $"- Load average (1, 5, 15 min): {loadAtStart} at the start, {LoadAtEnd} at the end.");
        Line(text, $"- Server: {Server.Replace("nginx version: ", string.Empty, StringComparison.Ordinal)}, one worker process on 127.0.0.1, keep-alive, answering from files (JSON answers and streams with `Content-Length`).");
        Line(text, $"- Each client alone in a fresh process per warm-up level and round: every call workload warmed up with that many calls, every long stream with {settings.WarmUpStreams:N0} streams, then {settings.TimedCalls:N0} timed calls per call workload, {settings.TimedStreams:N0} streams per stream workload and {settings.FirstEventSamples:N0} one-event streams; {settings.Rounds} round(s), the clients taking turns, each round starting with the next client.");
        Line(text);
        Line(text, $"Clients:");
        Line(text);
        foreach (var entrant in entrants)
        {
            Line(text, $"- ({entrant.Key}) {entrant.Description}");
        }

        Line(text);
        foreach (var level in settings.WarmUpLevels)
        {
            Summary(text, level);
        }

        foreach (var level in settings.WarmUpLevels)
        {
            BesideBaseline(text, level);
        }

        foreach (var level in settings.WarmUpLevels)
        {
            Details(text, level);
        }

        Jit(text);
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString? line = null)
        => text.Append(line is null ? string.Empty : line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private IEnumerable<Measurement> Rounds(int level, string key, string workload)
        => _measurements.Where(m => m.Level == level && m.Key == key && m.Workload == workload).Select(m => m.Measurement);

    private double Median(int level, string key, string workload, Func<Measurement, double> figure)
        => Statistics.Median(Rounds(level, key, workload).Select(figure));

    /// <summary>The median over the rounds of <paramref name="figure"/> of the client divided by the floor's in the same round.</summary>
    private double Ratio(int level, string key, string workload, Func<Measurement, double> figure)
        => Statistics.Median(PerRound(level, key, Floor, workload, figure));

    /// <summary>Round by round, <paramref name="figure"/> of client <paramref name="key"/> divided by <paramref name="against"/>'s.</summary>
    private List<double> PerRound(int level, string key, string against, string workload, Func<Measurement, double> figure)
        => _measurements
            .Where(m => m.Level == level && m.Key == key && m.Workload == workload)
            .Select(m => figure(m.Measurement) / figure(_measurements.Single(other
                => other.Level == level && other.Round == m.Round && other.Key == against && other.Workload == workload).Measurement))
            .ToList();

    private void Summary(StringBuilder text, int level)
    {
        string[] rated = [ServedSettings.SearchSequential, ServedSettings.SearchInFlight, ServedSettings.AddSequential, ServedSettings.AddInFlight, ServedSettings.TinyEventStream];
        Line(text, $"### After {level:N0} warm-up calls: throughput against floor (a), median of {settings.Rounds} round(s)");
        Line(text);
        Line(text, $"| client | search seq | search 64-way | add seq | add 64-way | stream events/s (tiny events) | alloc B/search | CPU µs/search 64-way | CPU µs/stream (tiny events) |");
        Line(text, $"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var key in entrants.Select(entrant => entrant.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"| ({key}) |");
            foreach (var workload in rated)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Ratio(level, key, workload, m => m.UnitsPerSecond):0.00}× ({Median(level, key, workload, m => m.UnitsPerSecond):N0}) |");
            }

            text.Append(CultureInfo.InvariantCulture, $" {Median(level, key, ServedSettings.SearchSequential, m => m.AllocatedPerUnit):N0} ({Ratio(level, key, ServedSettings.SearchSequential, m => m.AllocatedPerUnit):0.00}×) |");
            text.Append(CultureInfo.InvariantCulture, $" {Median(level, key, ServedSettings.SearchInFlight, m => m.CpuMicrosPerCall):N1} ({Ratio(level, key, ServedSettings.SearchInFlight, m => m.CpuMicrosPerCall):0.00}×) |");
            text.Append(CultureInfo.InvariantCulture, $" {Median(level, key, ServedSettings.TinyEventStream, m => m.CpuMicrosPerCall):N0} ({Ratio(level, key, ServedSettings.TinyEventStream, m => m.CpuMicrosPerCall):0.00}×) |\n");
        }

        Line(text);
    }

    /// <summary>
    /// Each client of this build against the same client of the baseline build (<c>--baseline</c>), round by round:
    /// the two ran in the same round, so the machine's drift between rounds cancels out.
    /// </summary>
    private void BesideBaseline(StringBuilder text, int level)
    {
        // A baseline entrant runs another build's client under that client's own key.
        var pairs = entrants
            .Where(entrant => entrant.Executable is not null && entrants.Any(other => other.Key == entrant.ChildKey))
            .Select(entrant => (Key: entrant.ChildKey, Baseline: entrant.Key))
            .ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        Line(text, $"### After {level:N0} warm-up calls: this build beside the baseline, round by round");
        Line(text);
        Line(text, $"Per workload, the median over the rounds of this build's figure divided by the baseline's in the same round, and in how many rounds this build was ahead (more per second; less CPU; fewer bytes).");
        Line(text);
        text.Append("| workload |").AppendJoin(string.Empty, pairs.Select(pair
            => $" ({pair.Key}) ÷ ({pair.Baseline}) per s | CPU | bytes |")).Append('\n');
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: | ---: | ---: |", pairs.Count))).Append('\n');
        foreach (var workload in settings.Workloads(level))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {workload.Name} |");
            foreach (var (key, baseline) in pairs)
            {
                text.Append(Paired(level, key, baseline, workload.Name, m => m.UnitsPerSecond, higherIsBetter: true))
                    .Append(Paired(level, key, baseline, workload.Name, m => m.CpuMicrosPerCall, higherIsBetter: false))
                    .Append(Paired(level, key, baseline, workload.Name, m => m.AllocatedPerUnit, higherIsBetter: false));
            }

            text.Append('\n');
        }

        Line(text);
    }

    // "0.97× (2/5)": the median of the per-round ratios, and the rounds in which this build was ahead.
    private string Paired(
        int level, string key, string baseline, string workload, Func<Measurement, double> figure, bool higherIsBetter)
    {
        var ratios = PerRound(level, key, baseline, workload, figure);
        var ahead = ratios.Count(ratio => higherIsBetter ? ratio > 1 : ratio < 1);
        return string.Create(CultureInfo.InvariantCulture, $" {Statistics.Median(ratios):0.00}× ({ahead}/{ratios.Count}) |");
    }

    private void Details(StringBuilder text, int level)
    {
        Line(text, $"### After {level:N0} warm-up calls: every workload");
        Line(text);
        Line(text, $"| workload | client | per s | × (a) | p50 µs | p90 µs | allocated B each | CPU µs each | CPU µs per call or stream | connections opened |");
        Line(text, $"| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var workload in settings.Workloads(level))
        {
            foreach (var key in entrants.Select(entrant => entrant.Key))
            {
                Line(text, $"| {workload.Name} ({workload.Unit}; p50/p90 of the {workload.Latency}) | ({key}) | {Median(level, key, workload.Name, m => m.UnitsPerSecond):N0} | {Ratio(level, key, workload.Name, m => m.UnitsPerSecond):0.00} | {Median(level, key, workload.Name, m => m.P50Micros):N1} | {Median(level, key, workload.Name, m => m.P90Micros):N1} | {Median(level, key, workload.Name, m => m.AllocatedPerUnit):N0} | {Median(level, key, workload.Name, m => m.CpuMicrosPerUnit):N3} | {Median(level, key, workload.Name, m => m.CpuMicrosPerCall):N1} | {Median(level, key, workload.Name, m => m.ConnectionsOpened):N0} |");
            }
        }

        Line(text);
    }

    private void Jit(StringBuilder text)
    {
        if (JitResults.Count == 0)
        {
            return;
        }

        var calls = settings.JitProbeCalls;
        var ranges = JitWarmUp.Ranges(calls);
        Line(text, $"### JIT warm-up: the first {calls:N0} searches in a fresh process (median of {JitResults[0].Processes} process(es) per client)");
        Line(text);
        Line(text, $"Median latency of each stretch of calls, in µs; the first call includes loading, JIT compiling and opening the connection. Settled: from the first block of {JitWarmUp.Block} calls from which every block's median stays within 10% of the steady state (the median of the last quarter of the calls). For comparison, the same client's p50 in the timed rounds after the most warm-up calls.");
        Line(text);
        text.Append("| client | ").AppendJoin(" | ", ranges.Select(range => range.From == range.To
            ? string.Create(CultureInfo.InvariantCulture, $"call {range.From:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"calls {range.From:N0}–{range.To:N0}"))).Append(" | steady state | calls until settled | their time ms | p50 in the timed rounds |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", ranges.Count + 4))).Append('\n');
        var level = settings.WarmUpLevels[^1];
        foreach (var result in JitResults)
        {
            var key = result.Key.Split(',')[0];
            text.Append(CultureInfo.InvariantCulture, $"| ({result.Key}) | ").AppendJoin(" | ", result.RangeMedians.Select(micros => micros.ToString("N0", CultureInfo.InvariantCulture)))
                .Append(CultureInfo.InvariantCulture, $" | {result.Steady:N0} | {result.CallsUntilSettled:N0} | {result.TimeUntilSettled / 1000:N1} | {Median(level, key, ServedSettings.SearchSequential, m => m.P50Micros):N0} |\n");
        }

        Line(text);
    }
}
