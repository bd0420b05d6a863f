using System.Diagnostics;
using System.Globalization;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// What a short-lived application meets: in a fresh process (this benchmark started again with
/// <see cref="ChildFlag"/>), each of the first searches of one client is timed, from the first,
/// which pays for loading, JIT compiling and connecting, to the steady state tiered compilation
/// reaches. The child inherits the environment as it is: no JIT setting is changed.
/// </summary>
internal static class JitWarmUp
{
    public const string ChildFlag = "--served-jit-child";

    /// <summary>Consecutive calls whose median is compared with the steady state.</summary>
    public const int Block = 500;

    /// <summary>Calls whose median latency the table shows, 1-based and inclusive: the first call, then ever longer stretches.</summary>
    public static IReadOnlyList<(int From, int To)> Ranges(int calls)
        => [.. new[] { (1, 1), (2, 10), (11, 100), (101, 1_000), (1_001, 10_000), (10_001, 20_000), (20_001, calls) }.Where(range => range.Item1 <= calls).Select(range => (range.Item1, Math.Min(range.Item2, calls)))];

    /// <summary>
    /// Times the first <paramref name="calls"/> searches of each client, each in a process of its
    /// own, <paramref name="processes"/> times per client (taking turns), and gives each figure's median.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <param name="entrants">The clients, each with the executable that runs it.</param>
    /// <param name="calls">Searches timed in each process.</param>
    /// <param name="processes">Processes per client.</param>
    public static async Task<IReadOnlyList<JitWarmUpResult>> MeasureAsync(
        NginxServer server,
        IReadOnlyList<ServedEntrant> entrants,
        int calls,
        int processes)
    {
        var runs = entrants.ToDictionary(entrant => entrant.Key, _ => new List<JitWarmUpResult>());
        for (var round = 0; round < processes; round++)
        {
            foreach (var entrant in entrants)
            {
                var latencies = await RunChildAsync(entrant.Executable, entrant.ChildKey, server, calls);
                runs[entrant.Key].Add(Analyse(entrant.Key, latencies));
            }
        }

        return [.. entrants.Select(entrant => runs[entrant.Key]).Select(results => new JitWarmUpResult(
            results[0].Key,
            results.Count,
            [.. Enumerable.Range(0, results[0].RangeMedians.Length).Select(i => Statistics.Median([.. results.Select(r => r.RangeMedians[i])]))],
            Statistics.Median([.. results.Select(r => r.Steady)]),
            Statistics.Median([.. results.Select(r => r.CallsUntilSettled)]),
            Statistics.Median([.. results.Select(r => r.TimeUntilSettled)])))];
    }

    /// <summary>The child: times each search and writes its latency in microseconds, one a line.</summary>
    public static async Task<int> ChildAsync(IReadOnlyList<string> args)
    {
        var (key, server, calls) = (args[0], new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
        var latencies = new double[calls];
        using (var client = ServedClients.Create(key, ServedRoots.Under(server)))
        {
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                latencies[i] = (await client.SearchAsync() - start) * 1e6 / Stopwatch.Frequency;
            }
        }

        // Written after the loop, so that writing is not timed.
        Console.Out.Write(string.Join('\n', latencies.Select(micros => micros.ToString("R", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static async Task<double[]> RunChildAsync(string? executable, string key, NginxServer server, int calls)
    {
        var output = await SelfProcess.RunAsync([ChildFlag, key, server.Root.AbsoluteUri, calls.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(2), executable);
        var latencies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        return latencies.Length == calls ? latencies : throw new InvalidDataException($"The warm-up child for client ({key}) reported {latencies.Length} calls, expected {calls}.");
    }

    /// <summary>
    /// The steady state is the median of the last quarter of the calls. The latency has settled
    /// at the first block of <see cref="Block"/> calls from which every block's median is within
    /// 10% of it; the calls before that block, and their time, are the warm-up's cost.
    /// </summary>
    private static JitWarmUpResult Analyse(string key, double[] latencies)
    {
        var steady = Statistics.Median(latencies[(latencies.Length * 3 / 4)..]);
        var blocks = latencies.Chunk(Block).Select(Statistics.Median).ToArray();
        var settled = blocks.Length;
        while (settled > 0 && blocks[settled - 1] <= steady * 1.1)
        {
            settled--;
        }

        var callsBefore = Math.Min(settled * Block, latencies.Length);
        var ranges = Ranges(latencies.Length).Select(range => Statistics.Median(latencies[(range.From - 1)..range.To])).ToArray();
        return new JitWarmUpResult(key, 1, ranges, steady, callsBefore, latencies[..callsBefore].Sum());
    }
}
