namespace MemOS.Client.Benchmarks.Served;

/// <summary>How much the served benchmark does: the full run, or CI's quick check that every client gets the right data.</summary>
/// <param name="Mode">full or quick.</param>
/// <param name="Rounds">Rounds; in each, every client runs once per warm-up level, in a fresh process.</param>
/// <param name="WarmUpLevels">The warm-up calls each call workload gets before it is timed, one process per level.</param>
/// <param name="TimedCalls">Calls timed per call workload.</param>
/// <param name="WarmUpStreams">Long streams read before they are timed, at every level.</param>
/// <param name="TimedStreams">Long streams timed per stream workload.</param>
/// <param name="FirstEventSamples">One-event streams timed for time to first event.</param>
/// <param name="JitProbeCalls">Searches timed one by one in a fresh process, for the JIT warm-up table.</param>
internal sealed record ServedSettings(
    string Mode,
    int Rounds,
    IReadOnlyList<int> WarmUpLevels,
    int TimedCalls,
    int WarmUpStreams,
    int TimedStreams,
    int FirstEventSamples,
    int JitProbeCalls)
{
    public static ServedSettings Full { get; } = new("full", Rounds: 3, WarmUpLevels: [500, 20_000], TimedCalls: 10_000, WarmUpStreams: 200, TimedStreams: 200, FirstEventSamples: 2_000, JitProbeCalls: 40_000);

    public static ServedSettings Quick { get; } = new("quick", Rounds: 1, WarmUpLevels: [64], TimedCalls: 500, WarmUpStreams: 3, TimedStreams: 10, FirstEventSamples: 100, JitProbeCalls: 200);

    public const string SearchSequential = "search, sequential";
    public const string SearchInFlight = "search, 64 in flight";
    public const string AddSequential = "add, sequential";
    public const string AddInFlight = "add, 64 in flight";
    public const string TinyEventStream = "stream of 2,000 tiny events";
    public const string TokenEventStream = "stream of 2,000 token events";
    public const string FirstEvent = "time to first event";

    /// <summary>Calls in flight at once in the concurrent workloads.</summary>
    public const int InFlight = 64;

    public static ServedSettings For(string mode) => mode == Quick.Mode ? Quick : Full;

    /// <summary>What a client's process times, in this order, after warming each up.</summary>
    public IReadOnlyList<Workload> Workloads(int warmUpCalls) =>
    [
        new(SearchSequential, "calls", 1, 1, warmUpCalls, TimedCalls, client => client.SearchAsync(), "call"),
        new(SearchInFlight, "calls", 1, InFlight, warmUpCalls, TimedCalls, client => client.SearchAsync(), "call"),
        new(AddSequential, "calls", 1, 1, warmUpCalls, TimedCalls, client => client.AddAsync(), "call"),
        new(AddInFlight, "calls", 1, InFlight, warmUpCalls, TimedCalls, client => client.AddAsync(), "call"),
        new(TinyEventStream, "events", ServedStream.TinyEvents.TextEvents, 1, WarmUpStreams, TimedStreams, client => client.StreamAsync(ServedStream.TinyEvents), "stream"),
        new(TokenEventStream, "events", ServedStream.TokenEvents.TextEvents, 1, WarmUpStreams, TimedStreams, client => client.StreamAsync(ServedStream.TokenEvents), "stream"),
        new(FirstEvent, "streams", 1, 1, Math.Max(10, warmUpCalls / 10), FirstEventSamples, client => client.FirstEventAsync(), "first event"),
    ];
}
