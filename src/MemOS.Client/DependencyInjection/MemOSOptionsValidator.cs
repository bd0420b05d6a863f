using MemOS.Client.Transport;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>Reports option problems at host start, with the same messages as the options' own <c>Validate()</c>.</summary>
internal sealed class MemOSOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IMemOSTransportOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
