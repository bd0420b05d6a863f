using Microsoft.Extensions.Logging;

namespace MemOS.Client.Redis.Budget;

/// <summary>
/// What the budget logs: only when Redis goes away and comes back, once each time. Never the key, nor Redis's address.
/// </summary>
internal static partial class BudgetLog
{
    [LoggerMessage(
        EventId = 101,
        Level = LogLevel.Warning,
        Message = "MemOS rate budget: Redis is unavailable ({Reason}); this instance keeps to its own share, "
            + "{PermitsPerSecond:0.###} requests/s, until Redis answers again")]
    public static partial void CoordinatorLost(ILogger logger, string reason, double permitsPerSecond);

    [LoggerMessage(
        EventId = 102,
        Level = LogLevel.Information,
        Message = "MemOS rate budget: Redis answers again; the fleet shares one budget again")]
    public static partial void CoordinatorBack(ILogger logger);
}
