using System.Globalization;

namespace MemOS.Client.FleetLoad;

/// <summary>What one client process is told: where to call, for how long, and its budget (none without Redis). The start comes later, on its input.</summary>
internal sealed record ClientSettings(Uri BaseUrl, string ApiKey, TimeSpan Duration, int Concurrency, int? RedisPort, double PermitsPerSecond, int Burst)
{
    public string[] ToArguments() =>
    [
        "client", BaseUrl.ToString(), ApiKey,
        Duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture), Concurrency.ToString(CultureInfo.InvariantCulture),
        RedisPort?.ToString(CultureInfo.InvariantCulture) ?? "-", PermitsPerSecond.ToString(CultureInfo.InvariantCulture), Burst.ToString(CultureInfo.InvariantCulture),
    ];

    public static ClientSettings Parse(ReadOnlySpan<string> args) => new(
        new Uri(args[0]),
        args[1],
        TimeSpan.FromMilliseconds(double.Parse(args[2], CultureInfo.InvariantCulture)),
        int.Parse(args[3], CultureInfo.InvariantCulture),
        args[4] == "-" ? null : int.Parse(args[4], CultureInfo.InvariantCulture),
        double.Parse(args[5], CultureInfo.InvariantCulture),
        int.Parse(args[6], CultureInfo.InvariantCulture));
}
