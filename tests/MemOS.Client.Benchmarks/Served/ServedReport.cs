using System.Globalization;
using System.Text;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>The results as markdown tables: each figure the median of its rounds, ratios taken between those medians.</summary>
internal sealed class ServedReport(ServedSettings settings, DateTimeOffset started, string loadAtStart)
{
    private readonly List<(Workload Workload, ServedClient Client, Measurement Measurement)> _measurements = [];

    public string Server { get; set; } = string.Empty;

    public string LoadAtEnd { get; set; } = string.Empty;

    public IReadOnlyList<JitWarmUpResult> JitResults { get; set; } = [];

    public void Add(Workload workload, ServedClient client, Measurement measurement) => _measurements.Add((workload, client, measurement));

    public string ToMarkdown(IReadOnlyList<ServedClient> clients)
    {
        var workloads = _measurements.Select(m => m.Workload).Distinct().ToList();
        var text = new StringBuilder();
        Line(text, $"## Served benchmark, {settings.Mode} mode: {started:yyyy-MM-dd HH:mm} UTC");
        Line(text);
        Line(text, $"- Machine: {MachineInfo.Processors} processors (`nproc`), {MachineInfo.CpuModel}; {MachineInfo.OperatingSystem}; {MachineInfo.Runtime}, {MachineInfo.GarbageCollector} GC; runtime variables in the environment: {MachineInfo.RuntimeVariables()} (the benchmark sets none).");
        Line(text, $"- Load average (1, 5, 15 min): {loadAtStart} at the start, {LoadAtEnd} at the end.");
        Line(text, $"- Server: {Server.Replace("nginx version: ", string.Empty, StringComparison.Ordinal)}, one worker process on 127.0.0.1, keep-alive, answering from files (JSON answers and streams with `Content-Length`).");
        Line(text, $"- Per client and round: {settings.WarmUpCalls:N0} warm-up calls before the first round ({settings.WarmUpStreams:N0} long streams), then {settings.TimedCalls:N0} timed calls, {settings.TimedStreams:N0} long streams and {settings.FirstEventSamples:N0} tiny streams; {settings.Rounds} round(s), clients interleaved (each round starts with the next client), median of the rounds.");
        Line(text);
        Line(text, $"Clients:");
        Line(text);
        foreach (var client in clients)
        {
            Line(text, $"- ({client.Key}) {client.Description}");
        }

        Line(text);
        Summary(text, workloads, clients);
        foreach (var workload in workloads)
        {
            Details(text, workload, clients);
        }

        Jit(text);
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString? line = null)
        => text.Append(line is null ? string.Empty : line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private double Median(Workload workload, ServedClient client, Func<Measurement, double> figure)
        => Statistics.Median(_measurements.Where(m => m.Workload == workload && m.Client == client).Select(m => figure(m.Measurement)));

    private void Summary(StringBuilder text, IReadOnlyList<Workload> workloads, IReadOnlyList<ServedClient> clients)
    {
        var floor = clients[0];
        var rated = workloads.Where(w => w.Latency != "first event").ToList();
        Line(text, $"### Throughput against floor (a), median of {settings.Rounds} round(s)");
        Line(text);
        text.Append("| client | ").AppendJoin(" | ", rated.Select(w => $"{w.Name} ({w.Unit}/s)")).Append(" | first event p50 / p90 |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", rated.Count + 1))).Append('\n');
        var firstEvent = workloads.FirstOrDefault(w => w.Latency == "first event");
        foreach (var client in clients)
        {
            text.Append(CultureInfo.InvariantCulture, $"| ({client.Key}) |");
            foreach (var workload in rated)
            {
                var rate = Median(workload, client, m => m.UnitsPerSecond);
                var ratio = rate / Median(workload, floor, m => m.UnitsPerSecond);
                text.Append(CultureInfo.InvariantCulture, $" {ratio:0.00}× ({rate:N0}) |");
            }

            text.Append(firstEvent is null
                ? " |"
                : string.Create(CultureInfo.InvariantCulture, $" {Median(firstEvent, client, m => m.P50Micros):N0} / {Median(firstEvent, client, m => m.P90Micros):N0} µs |"));
            text.Append('\n');
        }

        Line(text);
    }

    private void Details(StringBuilder text, Workload workload, IReadOnlyList<ServedClient> clients)
    {
        var unit = ServedBenchmark.Singular(workload.Unit);
        var (a, b) = (clients[0], clients[1]);
        Line(text, $"### {workload.Name}");
        Line(text);
        Line(text, $"| client | {workload.Unit}/s | × (a) | × (b) | {workload.Latency} p50 µs | {workload.Latency} p90 µs | p90 − (a)'s µs | allocated B/{unit} | alloc × (b) | CPU µs/{unit} | connections opened |");
        Line(text, $"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var client in clients)
        {
            var rate = Median(workload, client, m => m.UnitsPerSecond);
            var allocated = Median(workload, client, m => m.AllocatedPerUnit);
            var p90 = Median(workload, client, m => m.P90Micros);
            Line(text, $"| ({client.Key}) | {rate:N0} | {rate / Median(workload, a, m => m.UnitsPerSecond):0.00} | {rate / Median(workload, b, m => m.UnitsPerSecond):0.00} | {Median(workload, client, m => m.P50Micros):N1} | {p90:N1} | {p90 - Median(workload, a, m => m.P90Micros):+0.0;−0.0;0} | {allocated:N0} | {allocated / Median(workload, b, m => m.AllocatedPerUnit):0.00} | {Median(workload, client, m => m.CpuMicrosPerUnit):N3} | {Median(workload, client, m => m.ConnectionsOpened):N0} |");
        }

        Line(text);
    }

    /// <summary>The client's p50 in the timed rounds of <paramref name="workload"/>, for a JIT row's key ("c" or "c, ReadyToRun").</summary>
    private string TimedP50(Workload? workload, string key)
    {
        var client = _measurements.Select(m => m.Client).FirstOrDefault(c => key.Split(',')[0] == c.Key);
        return workload is null || client is null ? "—" : Median(workload, client, m => m.P50Micros).ToString("N0", CultureInfo.InvariantCulture);
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
        Line(text, $"Median latency of each stretch of calls, in µs; the first call includes loading, JIT compiling and opening the connection. Settled: from the first block of {JitWarmUp.Block} calls from which every block's median stays within 10% of the steady state (the median of the last quarter of the calls). For comparison, the same client's p50 in the timed rounds above, in this process, after its warm-up.");
        Line(text);
        text.Append("| client | ").AppendJoin(" | ", ranges.Select(range => range.From == range.To
            ? string.Create(CultureInfo.InvariantCulture, $"call {range.From:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"calls {range.From:N0}–{range.To:N0}"))).Append(" | steady state | calls until settled | their time ms | p50 in the timed rounds |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", ranges.Count + 4))).Append('\n');
        var search = _measurements.Select(m => m.Workload).FirstOrDefault(w => w.Name == ServedSettings.SequentialSearch);
        foreach (var result in JitResults)
        {
            text.Append(CultureInfo.InvariantCulture, $"| ({result.Key}) | ").AppendJoin(" | ", result.RangeMedians.Select(micros => micros.ToString("N0", CultureInfo.InvariantCulture)))
                .Append(CultureInfo.InvariantCulture, $" | {result.Steady:N0} | {result.CallsUntilSettled:N0} | {result.TimeUntilSettled / 1000:N1} | {TimedP50(search, result.Key)} |\n");
        }

        Line(text);
    }
}
