using System.Globalization;
using MemOS.Client.Testing;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// The values of <c>memos emulator --rate-limit</c> and <c>--fault</c>: parsed in one place, each bad value
/// named with the form it should have.
/// </summary>
internal static class EmulatorSettings
{
    public const string RateLimitForm = "N or ROUTE=N (requests per second, e.g. 20 or add/message=5)";

    public const string FaultForm = "KIND:FRACTION[:ROUTE], KIND one of drop, timeout, an HTTP status (500) or an "
        + "error code (40309), e.g. 503:0.1 or drop:0.05:add/message";

    /// <summary>A rate limit: the route (<c>*</c> for all routes together) and its requests per second.</summary>
    public static bool TryParseRateLimit(string value, out (string Route, int PerSecond) limit)
    {
        var parts = value.Split('=', 2);
        var route = parts.Length == 2 ? parts[0].Trim().Trim('/') : "*";
        var ok = route.Length > 0
            && int.TryParse(parts[^1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var perSecond)
            && perSecond >= 1;
        limit = ok ? (route, int.Parse(parts[^1].Trim(), CultureInfo.InvariantCulture)) : default;
        return ok;
    }

    /// <summary>
    /// A fault served to a fraction of calls: the route (<c>*</c> for every route), the fault and the fraction.
    /// </summary>
    public static bool TryParseFault(string value, out (string Route, EmulatorFault Fault, double Fraction) setting)
    {
        setting = default;
        var parts = value.Split(':', 3);
        if (parts.Length < 2
            || !double.TryParse(
                parts[1],
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var fraction)
            || !(fraction is > 0 and <= 1))
        {
            return false;
        }

        var route = parts.Length == 3 ? parts[2].Trim().Trim('/') : "*";
        var kind = parts[0].Trim().ToLowerInvariant();
        EmulatorFault? fault = kind switch
        {
            "drop" => EmulatorFault.DropConnection(),
            "timeout" => EmulatorFault.NoAnswer(),
            { Length: 3 } when int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                && status is >= 400 and <= 599 => EmulatorFault.HttpError(status),
            { Length: 5 } when int.TryParse(
                kind,
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var code) => EmulatorFault.ErrorCode(code),
            _ => null,
        };
        if (fault is null || route.Length == 0)
        {
            return false;
        }

        setting = (route, fault, fraction);
        return true;
    }
}
