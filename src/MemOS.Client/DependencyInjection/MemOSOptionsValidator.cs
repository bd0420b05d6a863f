using System.Collections.Concurrent;
using MemOS.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>
/// Reports option problems at host start: those of the configuration section first (the options
/// were then not bound, so their own checks would only add noise), else the options' own <c>Validate()</c> messages.
/// Once a name's options have been valid, a reload that is not is refused (the client keeps what it has)
/// and logged, since no one is there to catch the exception; a section that does not exist is logged once.
/// </summary>
internal sealed class MemOSOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IMemOSTransportOptions
{
    private readonly ConcurrentDictionary<string, bool> _validOnce = new();

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.ConfigurationErrors is { Count: > 0 } configurationErrors
            ? configurationErrors
            : options.GetValidationErrors();
        var logger = options.LoggerFactory?.CreateLogger("MemOS.Client");
        var key = name ?? Options.DefaultName;
        if (errors.Count > 0)
        {
            if (logger is not null && _validOnce.ContainsKey(key))
            {
                ConfigurationLog.ReloadRefused(logger, string.Join(" ", errors));
            }

            return ValidateOptionsResult.Fail(errors);
        }

        if (_validOnce.TryAdd(key, true) && logger is not null
            && options.ConfigurationPath?.MissingSection is { } section)
        {
            ConfigurationLog.MissingSection(logger, section);
        }

        return ValidateOptionsResult.Success;
    }
}
