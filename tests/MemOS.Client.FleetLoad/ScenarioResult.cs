using System.Globalization;

namespace MemOS.Client.FleetLoad;

/// <summary>One scenario's reports, summed over its processes.</summary>
internal sealed record ScenarioResult(string Name, RunSettings Settings, IReadOnlyList<ClientReport> Reports)
{
    public int Calls => Reports.Sum(r => r.Calls);

    public int Failed => Reports.Sum(r => r.Failures.Values.Sum());

    /// <summary>Attempts sent to the service: every call once, plus its retries.</summary>
    public long Requests => Calls + Reports.Sum(r => r.Retries);

    public long RateLimited => Reports.Sum(r => r.RateLimited);

    public double RateLimitedShare => Requests == 0 ? 0 : (double)RateLimited / Requests;

    /// <summary>Calls answered successfully within the window, per second, as a share of the key's limit.</summary>
    public double AchievedShare => Reports.Sum(r => r.SucceededInWindow) / Settings.Duration.TotalSeconds / Settings.Limit;

    public long CoordinatorLost => Reports.Sum(r => r.CoordinatorLost);

    public double Percentile(double p)
    {
        var all = Reports.SelectMany(r => r.LatenciesMs).Order().ToArray();
        return all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
    }

    public string FailureList => Failed == 0
        ? "none"
        : string.Join(", ", Reports.SelectMany(r => r.Failures).GroupBy(f => f.Key).Select(g => $"{g.Sum(f => f.Value)} {g.Key}"));

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Calls} | {Failed} ({FailureList}) | {Requests} | {RateLimited} ({RateLimitedShare:P1}) | {AchievedShare:P0} | {Percentile(0.5):0} ms | {Percentile(0.99):0} ms |");
}
