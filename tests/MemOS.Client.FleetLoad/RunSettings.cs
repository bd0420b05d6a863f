using System.Globalization;

namespace MemOS.Client.FleetLoad;

/// <summary>The run's shape: <c>--quick</c> (CI: a few seconds a scenario) or the full 20 s.</summary>
internal sealed record RunSettings(bool Quick, TimeSpan Duration, int Processes, int Concurrency, int Limit)
{
    public static RunSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var seconds = Option(args, "--seconds") ?? (quick ? 5 : 20);
        return new RunSettings(quick, TimeSpan.FromSeconds(seconds), Option(args, "--processes") ?? 8, Option(args, "--concurrency") ?? 4, Option(args, "--limit") ?? 40);
    }

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
    }
}
