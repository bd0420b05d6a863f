using System.Globalization;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>
/// The served benchmark (<c>--served</c>): what an application meets. nginx answers from another
/// process, and each client runs alone in a process of its own (<see cref="ServedChild"/>), once per
/// warm-up level and round, the clients taking turns and each round starting with the next client.
/// The tables give each figure's median over the rounds, and each ratio the median of the ratios to
/// floor (a) within a round. It fails only when a client errors or receives wrong data; timings are never judged.
/// </summary>
internal static class ServedBenchmark
{
    public static async Task<int> RunAsync(ServedRun run)
    {
        try
        {
            return await MeasureAsync(run);
        }
        catch (Exception failure) when (failure is InvalidOperationException or InvalidDataException or HttpRequestException or MemOSException)
        {
            // The harness's own failures say what to do in their message; a client's failure needs its stack.
            Log($"FAILED: {(failure is InvalidOperationException ? failure.Message : failure)}");
            return 1;
        }
    }

    private static async Task<int> MeasureAsync(ServedRun run)
    {
        var baseline = run.Baseline;
        if (baseline is not null && !File.Exists(baseline))
        {
            throw new InvalidOperationException(
                $"--baseline {baseline}: no such file. Give the executable of this benchmark built from the other commit " +
                "(tests/MemOS.Client.Benchmarks/bin/Release/net10.0/MemOS.Client.Benchmarks in its checkout).");
        }

        var settings = run.Settings;
        var lineUp = ServedClients.LineUp(baseline);
        if (run.Clients?.Except(lineUp.Select(entrant => entrant.Key)).ToList() is [_, ..] unknown)
        {
            throw new InvalidOperationException(
                $"--clients: there is no client {string.Join(", ", unknown)} in this run; it has " +
                $"{string.Join(", ", lineUp.Select(entrant => entrant.Key))} (c0 and d0 with --baseline).");
        }

        var entrants = lineUp.Where(entrant => run.Clients is null || run.Clients.Contains(entrant.Key)).ToList();
        var report = new ServedReport(settings, DateTimeOffset.UtcNow, MachineInfo.LoadAverage(), entrants);
        using var server = await NginxServer.StartAsync();
        report.Server = server.Version;
        await ServedAnswerCheck.VerifyAsync(server);
        Log($"{server.Version} serving on {server.Root}; every answer checked against its fixture. Mode: {settings.Mode}.");

        // Each client alone in a fresh process per level and round: nothing it measures was warmed
        // up by another client's calls, as in an application that uses one of them.
        foreach (var level in settings.WarmUpLevels)
        {
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var turn = 0; turn < entrants.Count; turn++)
                {
                    var entrant = entrants[(round + turn) % entrants.Count];
                    var key = entrant.Key;
                    var output = await SelfProcess.RunAsync(
                        ServedChild.Arguments(entrant.ChildKey, level, server.Root, settings),
                        TimeSpan.FromMinutes(5),
                        entrant.Executable);
                    foreach (var (workload, measurement) in ServedChild.Read(output))
                    {
                        report.Add(level, round, key, workload, measurement);
                        Log(string.Create(CultureInfo.InvariantCulture, $"{level:N0} warm-up calls, round {round + 1}/{settings.Rounds}, ({key}) {workload}: {measurement.UnitsPerSecond:N0}/s, p50 {measurement.P50Micros:N0} µs, {measurement.AllocatedPerUnit:N0} B and {measurement.CpuMicrosPerUnit:N2} µs CPU each"));
                    }
                }
            }
        }

        Log($"JIT warm-up: each client's first searches in a fresh process, {settings.Rounds} process(es) each.");
        var jit = await JitWarmUp.MeasureAsync(server, entrants, settings.JitProbeCalls, settings.Rounds);
        if (run.ReadyToRun)
        {
            Log("Publishing this benchmark with ReadyToRun (about a minute).");
            using var build = await ReadyToRunBuild.PublishAsync(RepositoryRoot());
            var readyToRunEntrants = entrants
                .Where(entrant => entrant.Executable is null)
                .Select(entrant => entrant with { Key = $"{entrant.Key}, ReadyToRun", Executable = build.Executable })
                .ToList();
            jit = [.. jit, .. await JitWarmUp.MeasureAsync(server, readyToRunEntrants, settings.JitProbeCalls, settings.Rounds)];
        }

        report.JitResults = jit;
        report.LoadAtEnd = MachineInfo.LoadAverage();
        if (server.ErrorLog() is { Length: > 0 } log)
        {
            Log($"nginx logged:{Environment.NewLine}{log}");
        }

        var markdown = report.ToMarkdown();
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
