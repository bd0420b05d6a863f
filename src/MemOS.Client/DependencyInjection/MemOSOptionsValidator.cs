using MemOS.Client.Transport;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>
/// Reports option problems at host start: those of the configuration section first (the options
/// were then not bound, so their own checks would only add noise), else the options' own <c>Validate()</c> messages.
/// </summary>
internal sealed class MemOSOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IMemOSTransportOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.ConfigurationErrors is { Count: > 0 } configurationErrors ? configurationErrors : options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
