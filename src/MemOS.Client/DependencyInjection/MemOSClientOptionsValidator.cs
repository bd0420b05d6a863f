using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>Reports option problems at host start, with the same messages as <see cref="MemOSClientOptions.Validate"/>.</summary>
internal sealed class MemOSClientOptionsValidator : IValidateOptions<MemOSClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MemOSClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
