using BenchmarkDotNet.Running;
using MemOS.Client.Benchmarks;
using MemOS.Client.Benchmarks.Served;

// --quick: every benchmark with few, short iterations (see docs/performance.md). Without a
// filter BenchmarkDotNet would ask on the console which to run, so quick mode runs them all.
var quick = args.Contains("--quick");

// --served: the client alone in this process against nginx in another (docs/performance.md, "Served").
if (args.Contains("--served"))
{
    return await ServedBenchmark.RunAsync(ServedRun.Parse(args));
}

// The served benchmark's clients, and its JIT warm-up probe, each run in a process of their own.
if (args.FirstOrDefault() == ServedChild.Flag)
{
    return await ServedChild.RunAsync(args[1..]);
}

if (args.FirstOrDefault() == JitWarmUp.ChildFlag)
{
    return await JitWarmUp.ChildAsync(args[1..]);
}

// --import: bulk-import throughput against the emulator (docs/performance.md, "Bulk import").
if (args.Contains("--import"))
{
    return await ImportThroughput.RunAsync(quick);
}

// --cpu: client CPU time and bytes per call without the network (docs/performance.md, "Client CPU per call").
if (args.Contains("--cpu"))
{
    return await CpuPerCall.RunAsync(quick);
}

var rest = args.Where(arg => arg != "--quick").ToList();
if (quick && !rest.Any(arg => arg is "--filter" or "-f"))
{
    rest.AddRange(["--filter", "*"]);
}

await using var server = await BenchServer.StartAsync();
var latencies = LatencyColumn.CreateDirectory();
try
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], BenchConfig.Create(quick));

    // A benchmark that failed to run fails the command; timings are never judged here.
    return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
}
finally
{
    Directory.Delete(latencies, recursive: true);
}
