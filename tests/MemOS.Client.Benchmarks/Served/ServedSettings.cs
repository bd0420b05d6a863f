namespace MemOS.Client.Benchmarks.Served;

/// <summary>How much the served benchmark does: the full run, or CI's quick check that every client gets the right data.</summary>
internal sealed record ServedSettings(
    string Mode,
    int Rounds,
    int WarmUpCalls,
    int TimedCalls,
    int WarmUpStreams,
    int TimedStreams,
    int FirstEventSamples,
    int JitProbeCalls)
{
    public static ServedSettings Full { get; } = new("full", Rounds: 3, WarmUpCalls: 500, TimedCalls: 20_000, WarmUpStreams: 50, TimedStreams: 200, FirstEventSamples: 2_000, JitProbeCalls: 40_000);

    public static ServedSettings Quick { get; } = new("quick", Rounds: 1, WarmUpCalls: 64, TimedCalls: 1_000, WarmUpStreams: 3, TimedStreams: 20, FirstEventSamples: 200, JitProbeCalls: 200);

    /// <summary>The workload whose steady state the JIT warm-up is compared with.</summary>
    public const string SequentialSearch = "search, sequential";

    /// <summary>Calls in flight at once in the concurrent workload.</summary>
    public const int InFlight = 64;

    public IReadOnlyList<Workload> Workloads() =>
    [
        new(SequentialSearch, "calls", 1, 1, WarmUpCalls, TimedCalls, client => client.SearchAsync(), "call"),
        new("add, sequential", "calls", 1, 1, WarmUpCalls, TimedCalls, client => client.AddAsync(), "call"),
        new($"search, {InFlight} in flight", "calls", 1, InFlight, WarmUpCalls, TimedCalls, client => client.SearchAsync(), "call"),
        new($"stream of {ServedAnswers.StreamTextEvents:N0} text events, sequential", "events", ServedAnswers.StreamTextEvents, 1, WarmUpStreams, TimedStreams, client => client.StreamAsync(), "stream"),
        new("time to first event (1 text event + end), sequential", "streams", 1, 1, WarmUpCalls, FirstEventSamples, client => client.FirstEventAsync(), "first event"),
    ];
}
