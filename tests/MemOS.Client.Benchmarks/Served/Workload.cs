namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// One thing the clients are timed doing.
/// </summary>
/// <param name="Name">The table's name for it.</param>
/// <param name="Unit">What the rate counts: calls, events or streams.</param>
/// <param name="UnitsPerCall">How many of those one call handles (a long stream's text events).</param>
/// <param name="InFlight">Calls in flight at once: that many loops, each starting its next call when its last one ends.</param>
/// <param name="WarmUpCalls">Calls made by each client before its first timed round.</param>
/// <param name="TimedCalls">Calls timed per client and round.</param>
/// <param name="Call">One call; returns the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the moment measured.</param>
/// <param name="Latency">What the p50/p90 columns time: the whole call, or call start to first event.</param>
internal sealed record Workload(
    string Name,
    string Unit,
    int UnitsPerCall,
    int InFlight,
    int WarmUpCalls,
    int TimedCalls,
    Func<ServedClient, Task<long>> Call,
    string Latency);
