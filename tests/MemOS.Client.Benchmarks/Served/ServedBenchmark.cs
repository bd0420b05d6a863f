using System.Globalization;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// The served benchmark (<c>--served</c>): what an application meets. nginx answers from another
/// process; this process holds only the clients. Each round runs every workload with every client
/// in turn, starting with a different client each round, and the tables give each figure's median
/// over the rounds. It fails only when a client errors or receives wrong data; timings are never judged.
/// </summary>
internal static class ServedBenchmark
{
    /// <param name="quick">Few calls, one round: CI's check that every client gets the right data.</param>
    /// <param name="readyToRun">Also time the JIT warm-up of this benchmark published with ReadyToRun.</param>
    public static async Task<int> RunAsync(bool quick, bool readyToRun)
    {
        try
        {
            return await MeasureAsync(quick, readyToRun);
        }
        catch (Exception failure) when (failure is InvalidOperationException or InvalidDataException or HttpRequestException or MemOSException)
        {
            // The harness's own failures say what to do in their message; a client's failure needs its stack.
            Log($"FAILED: {(failure is InvalidOperationException ? failure.Message : failure)}");
            return 1;
        }
    }

    private static async Task<int> MeasureAsync(bool quick, bool readyToRun)
    {
        var settings = quick ? ServedSettings.Quick : ServedSettings.Full;
        var report = new ServedReport(settings, DateTimeOffset.UtcNow, MachineInfo.LoadAverage());
        using var server = await NginxServer.StartAsync();
        report.Server = server.Version;
        await ServedAnswerCheck.VerifyAsync(server);
        Log($"{server.Version} serving on {server.Root}; every answer checked against its fixture. Mode: {settings.Mode}.");

        var clients = ServedClients.Keys.Select(key => ServedClients.Create(key, server.ApiRoot, server.FirstEventRoot)).ToList();
        try
        {
            using var statusClient = new HttpClient();
            var meter = new Meter(server, statusClient);
            var workloads = settings.Workloads();
            foreach (var workload in workloads)
            {
                foreach (var client in clients)
                {
                    await Meter.WarmUpAsync(workload, client, workload.WarmUpCalls);
                }
            }

            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var workload in workloads)
                {
                    for (var turn = 0; turn < clients.Count; turn++)
                    {
                        var client = clients[(round + turn) % clients.Count];
                        var measurement = await meter.MeasureAsync(workload, client, workload.TimedCalls);
                        report.Add(workload, client, measurement);
                        Log(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{settings.Rounds}, {workload.Name}, ({client.Key}): {measurement.UnitsPerSecond:N0} {workload.Unit}/s, p50 {measurement.P50Micros:N0} µs, {measurement.AllocatedPerUnit:N0} B and {measurement.CpuMicrosPerUnit:N2} µs CPU per {Singular(workload.Unit)}"));
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        Log($"JIT warm-up: each client's first searches in a fresh process, {settings.Rounds} process(es) each.");
        var jit = await JitWarmUp.MeasureAsync(server, ServedClients.Keys, settings.JitProbeCalls, settings.Rounds);
        if (readyToRun)
        {
            Log("Publishing this benchmark with ReadyToRun (about a minute).");
            using var build = await ReadyToRunBuild.PublishAsync(RepositoryRoot());
            jit = [.. jit, .. await JitWarmUp.MeasureAsync(server, ServedClients.Keys, settings.JitProbeCalls, settings.Rounds, build.Executable, "ReadyToRun")];
        }

        report.JitResults = jit;
        report.LoadAtEnd = MachineInfo.LoadAverage();
        if (server.ErrorLog() is { Length: > 0 } log)
        {
            Log($"nginx logged:{Environment.NewLine}{log}");
        }

        var markdown = report.ToMarkdown(clients);
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = ResultsPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, markdown);
        Log($"Written to {path}.");
        return 0;
    }

    public static string Singular(string unit) => unit.TrimEnd('s');

    private static void Log(string line) => Console.Error.WriteLine($"[served] {line}");

    /// <summary><c>artifacts/served/results.md</c> at the repository's root.</summary>
    private static string ResultsPath() => Path.Combine(RepositoryRoot(), "artifacts", "served", "results.md");

    /// <summary>The repository's root, found from the current directory; the current directory when it is not inside one.</summary>
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MemOS.Client.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Environment.CurrentDirectory;
    }
}
