using Microsoft.Extensions.Logging;

namespace MemOS.Client.Transport;

/// <summary>What the cloud and the self-hosted client options share: how calls are retried, logged and timed.</summary>
internal interface IMemOSTransportOptions
{
    MemOSRetryOptions Retry { get; }

    ILoggerFactory? LoggerFactory { get; set; }

    TimeProvider? TimeProvider { get; set; }

    List<string> GetValidationErrors();

    /// <summary>The root the client calls, or null when none is configured (the options are then invalid).</summary>
    Uri? ApiRoot();
}
