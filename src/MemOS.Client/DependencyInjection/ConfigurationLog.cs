using Microsoft.Extensions.Logging;

namespace MemOS.Client;

/// <summary>
/// What the options validation logs: problems that do not stop the host, and reloads that are refused.
/// </summary>
internal static partial class ConfigurationLog
{
    [LoggerMessage(
        EventId = 20,
        Level = LogLevel.Warning,
        Message = "The MemOS configuration section '{Section}' does not exist (check its name in appsettings.json "
            + "and in GetSection): the client's settings come from MEMOS_* environment variables and defaults only")]
    public static partial void MissingSection(ILogger logger, string section);

    [LoggerMessage(
        EventId = 21,
        Level = LogLevel.Warning,
        Message = "Reloaded MemOS configuration refused; the client keeps its previous settings and API key: "
            + "{Problems}")]
    public static partial void ReloadRefused(ILogger logger, string problems);
}
