using System.Globalization;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>What one <c>--served</c> run is asked for on the command line.</summary>
/// <param name="Quick"><c>--quick</c>: few calls, one round: CI's check that every client gets the right data.</param>
/// <param name="ReadyToRun"><c>--ready-to-run</c>: also time the JIT warm-up of this benchmark published with
/// ReadyToRun.</param>
/// <param name="Baseline"><c>--baseline PATH</c>: the executable of this benchmark built from another commit, whose SDK
/// clients run beside this build's.</param>
/// <param name="WarmUpLevels"><c>--warm-up 500[,20000]</c>: only these warm-up levels (the mode's when null), for
/// an experiment that needs one level only.</param>
/// <param name="Rounds"><c>--rounds N</c>: this many rounds (the mode's when null), for medians that hold on a noisy
/// machine.</param>
/// <param name="Clients"><c>--clients a,c,c0</c>: only these clients (all when null), for an experiment between two;
/// floor (a) always runs, since every ratio is taken to it.</param>
internal sealed record ServedRun(
    bool Quick,
    bool ReadyToRun,
    string? Baseline,
    IReadOnlyList<int>? WarmUpLevels,
    int? Rounds,
    IReadOnlyList<string>? Clients)
{
    public static ServedRun Parse(IReadOnlyList<string> args) => new(
        args.Contains("--quick"),
        args.Contains("--ready-to-run"),
        ValueOf(args, "--baseline"),
        ValueOf(args, "--warm-up")?.Split(',').Select(level => int.Parse(level, CultureInfo.InvariantCulture)).ToArray(),
        ValueOf(args, "--rounds") is { } rounds ? int.Parse(rounds, CultureInfo.InvariantCulture) : null,
        ValueOf(args, "--clients")?.Split(',').Append("a").Distinct().ToArray());

    /// <summary>The settings of the mode, with the warm-up levels and rounds asked for.</summary>
    public ServedSettings Settings
    {
        get
        {
            var mode = Quick ? ServedSettings.Quick : ServedSettings.Full;
            return mode with { WarmUpLevels = WarmUpLevels ?? mode.WarmUpLevels, Rounds = Rounds ?? mode.Rounds };
        }
    }

    private static string? ValueOf(IReadOnlyList<string> args, string name)
        => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();
}
