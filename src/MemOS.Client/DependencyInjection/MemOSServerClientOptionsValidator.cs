using MemOS.Client.Server;
using Microsoft.Extensions.Options;

namespace MemOS.Client;

/// <summary>Reports option problems at host start, with the same messages as <see cref="MemOSServerClientOptions.Validate"/>.</summary>
internal sealed class MemOSServerClientOptionsValidator : IValidateOptions<MemOSServerClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MemOSServerClientOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
