using System.Globalization;
using System.Text.Json;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// One client alone in a fresh process, as an application runs it: every workload warmed up with
/// the given number of calls (long streams: <see cref="ServedSettings.WarmUpStreams"/>), then each
/// timed in turn. It writes its measurements to standard output as JSON; a client that errors or
/// receives wrong data makes it fail.
/// </summary>
internal static class ServedChild
{
    public const string Flag = "--served-child";

    /// <summary>The arguments that start a child measuring client <paramref name="key"/> after <paramref name="warmUpCalls"/> warm-up calls.</summary>
    public static IEnumerable<string> Arguments(string key, int warmUpCalls, Uri server, ServedSettings settings)
        => [Flag, key, warmUpCalls.ToString(CultureInfo.InvariantCulture), server.AbsoluteUri, settings.Mode];

    /// <summary>What a child wrote.</summary>
    public static IReadOnlyList<WorkloadMeasurement> Read(string output)
        => JsonSerializer.Deserialize(output, ServedJsonContext.Default.ListWorkloadMeasurement)
           ?? throw new InvalidDataException("A child process wrote no measurements.");

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (key, warmUpCalls, server, settings) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture), new Uri(args[2]), ServedSettings.For(args[3]));
        var workloads = settings.Workloads(warmUpCalls);
        var results = new List<WorkloadMeasurement>();
        using (var client = ServedClients.Create(key, ServedRoots.Under(server)))
        using (var statusClient = new HttpClient())
        {
            foreach (var workload in workloads)
            {
                await Meter.WarmUpAsync(workload, client, workload.WarmUpCalls);
            }

            var meter = new Meter(server, statusClient);
            foreach (var workload in workloads)
            {
                results.Add(new(workload.Name, await meter.MeasureAsync(workload, client, workload.TimedCalls)));
            }
        }

        await Console.Out.WriteAsync(JsonSerializer.Serialize(results, ServedJsonContext.Default.ListWorkloadMeasurement));
        return 0;
    }
}
