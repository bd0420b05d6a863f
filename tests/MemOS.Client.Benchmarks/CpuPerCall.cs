using System.Diagnostics;
using System.Globalization;
using MemOS.Client.Memories;
using MemOS.Client.Messages;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// The client-side CPU time and allocated bytes of one call with the network taken out: the calls
/// of <see cref="CallCpuBenchmarks"/>, answered from memory, timed as this process's CPU time
/// (all threads, the garbage collector's included) rather than wall-clock time. CPU time holds on
/// a machine shared with other work, where BenchmarkDotNet's timings do not: the rounds are
/// interleaved and each client's fastest and median round are reported.
/// </summary>
internal static class CpuPerCall
{
    private static readonly Uri Root = new("http://127.0.0.1/api/openmem/v1/");

    public static async Task<int> RunAsync(bool quick)
    {
        var (warmUp, calls, rounds) = quick ? (2_000, 2_000, 3) : (20_000, 20_000, 7);
        using var floorHttp = new HttpClient(new FixedAnswerHandler());
        var floor = new FloorClient(floorHttp);
        using var sdk = Sdk(new MemOSResilienceHandler(new MemOSRetryOptions()) { InnerHandler = new FixedAnswerHandler() }, baseAddress: true);
        using var bare = Sdk(new FixedAnswerHandler(), baseAddress: true);
        using var forwarded = Sdk(new MemOSResilienceHandler(new MemOSRetryOptions()) { InnerHandler = new FixedAnswerHandler() }, baseAddress: false);
        var searchUri = new Uri(Root, "search/memory");
        var addUri = new Uri(Root, "add/message");

        var cases = new (string Name, Func<Task<bool>> Call)[]
        {
            ("search/memory, floor", async () => Found(await floor.PostAsync(searchUri, Bodies.SearchRequestBytes, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult))),
            ("search/memory, SDK (client with BaseAddress, resilience handler)", async () => Found(await sdk.SearchMemoryAsync(Bodies.SearchRequest))),
            ("search/memory, SDK without resilience handler", async () => Found(await bare.SearchMemoryAsync(Bodies.SearchRequest))),
            ("search/memory, SDK over a client without BaseAddress", async () => Found(await forwarded.SearchMemoryAsync(Bodies.SearchRequest))),
            ("add/message, floor", async () => Added(await floor.PostAsync(addUri, Bodies.AddRequestBytes, FloorJsonContext.Default.FloorEnvelopeAddMessageResult))),
            ("add/message, SDK (client with BaseAddress, resilience handler)", async () => Added(await sdk.AddMessageAsync(Bodies.AddRequest))),
            ("add/message, SDK without resilience handler", async () => Added(await bare.AddMessageAsync(Bodies.AddRequest))),
        };

        foreach (var (name, call) in cases)
        {
            for (var i = 0; i < warmUp; i++)
            {
                if (!await call())
                {
                    Console.Error.WriteLine($"{name}: wrong answer.");
                    return 1;
                }
            }
        }

        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var allocated = cases.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < calls; i++)
                {
                    await cases[c].Call();
                }

                process.Refresh();
                cpu[c].Add((process.TotalProcessorTime - cpuBefore).TotalMicroseconds / calls);
                allocated[c].Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)calls);
            }
        }

        Console.WriteLine($"Client CPU per call without the network: {calls:N0} calls per round, {rounds} interleaved rounds, after {warmUp:N0} warm-up calls each.");
        Console.WriteLine();
        Console.WriteLine("| Call | CPU, fastest round | CPU, median round | Allocated, median round |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        for (var c = 0; c < cases.Length; c++)
        {
            var sorted = cpu[c].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {sorted[0]:0.00} µs | {sorted[sorted.Length / 2]:0.00} µs | {Served.Statistics.Median(allocated[c]):N0} B |"));
        }

        return 0;
    }

    private static MemOSClient Sdk(HttpMessageHandler handler, bool baseAddress)
        => Clients.Sdk(new HttpClient(handler) { BaseAddress = baseAddress ? Root : null }, Root);

    private static bool Found(SearchMemoryResult result) => result.Memories.Count + result.Preferences.Count + result.ToolMemories.Count > 0;

    private static bool Added(AddMessageResult result) => result.TaskId is not null;
}
