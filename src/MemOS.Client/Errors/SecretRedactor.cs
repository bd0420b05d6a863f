namespace MemOS.Client;

/// <summary>
/// Removes the API key from any service-provided text before it reaches an exception or a log:
/// a misconfigured gateway that echoes request headers must not leak it.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string? _secret;

    public SecretRedactor(string? secret)
    {
        // The bare key is what an echo would show, whether or not it was configured with its scheme.
        var key = secret is null ? null : Transport.TransportSettings.BareKey(secret);

        // Very short strings would mask ordinary words; real keys are long.
        _secret = key is { Length: >= 8 } ? key : null;
    }

    public string? Redact(string? text)
        => text is null || _secret is null ? text : text.Replace(_secret, Mask, StringComparison.Ordinal);
}
