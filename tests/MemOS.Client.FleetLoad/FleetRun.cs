using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MemOS.Client.Redis.Tests.Infrastructure;
using MemOS.Client.Testing;

namespace MemOS.Client.FleetLoad;

/// <summary>
/// The three scenarios, each on a fresh emulator limited to K requests a second for its key and (b,
/// c) a fresh redis-server: (a) no budget, (b) the Redis budget, (c) the Redis budget with Redis
/// killed halfway. Fails (exit code 1) when a call fails in (b) or (c), or when (b) draws no fewer
/// rate limits than (a); the targets of (b) are reported, not enforced, as the machine may be loaded.
/// </summary>
internal static class FleetRun
{
    public static async Task<int> RunAsync(RunSettings settings)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: {settings.Processes} client processes x {settings.Concurrency} workers, {settings.Duration.TotalSeconds:0} s a scenario, key limit K = {settings.Limit}/s, {Environment.ProcessorCount} cores"));
        var none = await ScenarioAsync("(a) no budget", settings, redis: false, killRedisHalfway: false);
        var shared = await ScenarioAsync("(b) Redis budget", settings, redis: true, killRedisHalfway: false);
        var killed = await ScenarioAsync("(c) Redis killed halfway", settings, redis: true, killRedisHalfway: true);

        Console.WriteLine();
        Console.WriteLine("| scenario | calls | failed | requests | 40309 answers | achieved, of K | p50 | p99 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var result in new[] { none, shared, killed })
        {
            Console.WriteLine(result.Row());
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet: (b) targets: 40309 answers <= 1 % of requests: {Verdict(shared.RateLimitedShare <= 0.01)} ({shared.RateLimitedShare:P2}); >= 90 % of K: {Verdict(shared.AchievedShare >= 0.9)} ({shared.AchievedShare:P0})"));
        Console.WriteLine($"fleet: (c) processes that logged losing Redis: {killed.CoordinatorLost} of {settings.Processes}");

        var problems = new List<string>();
        foreach (var result in new[] { shared, killed })
        {
            if (result.Failed > 0)
            {
                problems.Add($"{result.Name}: {result.Failed} calls failed ({result.FailureList})");
            }
        }

        if (shared.RateLimited >= none.RateLimited)
        {
            problems.Add($"(b) drew {shared.RateLimited} rate limits, not fewer than (a)'s {none.RateLimited}");
        }

        if (killed.CoordinatorLost == 0)
        {
            problems.Add("(c) no process noticed that Redis was gone");
        }

        foreach (var problem in problems)
        {
            Console.Error.WriteLine("fleet: FAILED: " + problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static async Task<ScenarioResult> ScenarioAsync(string name, RunSettings settings, bool redis, bool killRedisHalfway)
    {
        await using var emulator = await MemOSEmulator.StartAsync();
        emulator.SetRateLimit("*", settings.Limit);
        var server = redis ? await RedisServer.StartAsync() : null;
        try
        {
            // A little under K, evenly spaced: the service counts whole one-second windows of its own.
            var client = new ClientSettings(emulator.BaseUrl, emulator.ApiKey, settings.Duration, settings.Concurrency, server?.Port, PermitsPerSecond: settings.Limit * 0.95, Burst: 1);
            var processes = Enumerable.Range(0, settings.Processes).Select(_ => Start(client)).ToArray();

            // All start together once all are warm (slow on a loaded machine), a moment from now.
            await Task.WhenAll(processes.Select(ReadyAsync));
            var start = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync(start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                await process.StandardInput.FlushAsync();
            }

            if (killRedisHalfway && server is not null)
            {
                var half = start + (settings.Duration / 2) - DateTimeOffset.UtcNow;
                if (half > TimeSpan.Zero)
                {
                    await Task.Delay(half);
                }

                await server.KillAsync();
                Console.WriteLine($"fleet: {name}: redis-server killed");
            }

            var reports = await Task.WhenAll(processes.Select(CollectAsync));
            var result = new ScenarioResult(name, settings, reports);
            Console.WriteLine($"fleet: {name}: {result.Calls} calls, {result.Failed} failed, {result.RateLimited} rate-limited answers");
            return result;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static Process Start(ClientSettings settings)
    {
        // The same program, as `client`: under `dotnet run` the app host, under `dotnet x.dll` the dll.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FleetRun).Assembly.Location);
        }

        foreach (var argument in settings.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("A client process did not start.");
    }

    private static async Task ReadyAsync(Process process)
    {
        var line = await process.StandardOutput.ReadLineAsync();
        if (line != "ready")
        {
            throw new InvalidOperationException($"A client process did not get ready: {line}{await process.StandardOutput.ReadToEndAsync()}");
        }
    }

    private static async Task<ClientReport> CollectAsync(Process process)
    {
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            return process.ExitCode == 0 && line is not null
                ? JsonSerializer.Deserialize<ClientReport>(line) ?? throw new InvalidOperationException("A client process printed an empty report.")
                : throw new InvalidOperationException($"A client process exited with code {process.ExitCode}: {output}");
        }
    }
}
