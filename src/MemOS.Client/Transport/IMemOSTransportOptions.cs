using Microsoft.Extensions.Logging;

namespace MemOS.Client.Transport;

/// <summary>What the cloud and the self-hosted client options share: how calls are retried, logged and timed.</summary>
internal interface IMemOSTransportOptions
{
    /// <summary>The keys a configuration section for these options may hold.</summary>
    static abstract IReadOnlyList<ConfigurationSetting> Settings { get; }

    string? ApiKey { get; }

    MemOSRetryOptions Retry { get; }

    /// <summary>The rate budget every attempt takes a permit from; only the cloud client has one.</summary>
    System.Threading.RateLimiting.RateLimiter? RateLimiter => null;

    ILoggerFactory? LoggerFactory { get; set; }

    TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Problems found in the configuration section before binding (which is then skipped); null when bound from code or
    /// clean.
    /// </summary>
    List<string>? ConfigurationErrors { get; set; }

    /// <summary>
    /// Where the options were bound from, so messages name the configuration path; null when set in code.
    /// </summary>
    SettingPath? ConfigurationPath { get; set; }

    List<string> GetValidationErrors();

    /// <summary>The root the client calls, or null when none is configured (the options are then invalid).</summary>
    Uri? ApiRoot();
}
