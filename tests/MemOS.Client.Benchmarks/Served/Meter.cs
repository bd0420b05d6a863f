using System.Diagnostics;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// Times a client's calls of a workload: wall clock, each call's latency, and the process's
/// allocated bytes and CPU time over the whole loop. The server is another process, so these are
/// the client's alone (with the runtime's own threads: the GC, the thread pool, the timer).
/// </summary>
internal sealed class Meter(Uri server, HttpClient statusClient)
{
    /// <summary>Makes <paramref name="calls"/> calls untimed, to warm the client up.</summary>
    public static Task WarmUpAsync(Workload workload, ServedClient client, int calls)
        => LoopsAsync(workload, client, calls, new long[calls]);

    public async Task<Measurement> MeasureAsync(Workload workload, ServedClient client, int calls)
    {
        var latencies = new long[calls];

        // What the last loop left behind is collected now, not inside this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var acceptedBefore = await NginxServer.AcceptedConnectionsAsync(statusClient, server);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();

        await LoopsAsync(workload, client, calls, latencies);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var accepted = await NginxServer.AcceptedConnectionsAsync(statusClient, server) - acceptedBefore;
        return Measurement.Of(calls, (long)calls * workload.UnitsPerCall, elapsed, allocated, cpu, latencies, accepted);
    }

    /// <summary><see cref="Workload.InFlight"/> loops sharing <paramref name="calls"/> calls: each starts its next call when its last one ends.</summary>
    private static async Task LoopsAsync(Workload workload, ServedClient client, int calls, long[] latencies)
    {
        var next = -1;
        var loops = new Task[Math.Min(workload.InFlight, calls)];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = LoopAsync();
        }

        await Task.WhenAll(loops);

        async Task LoopAsync()
        {
            // Each loop starts off the caller's stack, so all of them are in flight at once.
            await Task.Yield();
            for (var call = Interlocked.Increment(ref next); call < calls; call = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                latencies[call] = await workload.Call(client) - start;
            }
        }
    }
}
