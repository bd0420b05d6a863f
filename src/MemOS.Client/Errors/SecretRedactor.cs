namespace MemOS.Client.Errors;

/// <summary>
/// Removes the API key from any service-provided text before it reaches an exception or a log:
/// a misconfigured gateway that echoes request headers must not leak it.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string? _secret;
    private readonly string? _previous;

    public SecretRedactor(string? secret)
        : this(secret, previous: null)
    {
    }

    private SecretRedactor(string? secret, string? previous)
    {
        _secret = Masked(secret);
        _previous = previous;
    }

    /// <summary>
    /// A redactor for a rotated key that still masks this one, which calls already in flight were sent with.
    /// </summary>
    public SecretRedactor Rotated(string? secret) => new(secret, _secret);

    public string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_secret is not null)
        {
            text = text.Replace(_secret, Mask, StringComparison.Ordinal);
        }

        return _previous is null ? text : text.Replace(_previous, Mask, StringComparison.Ordinal);
    }

    private static string? Masked(string? secret)
    {
        // The bare key is what an echo would show, whether or not it was configured with its scheme.
        var key = secret is null ? null : BareKey(secret);

        // Very short strings would mask ordinary words; real keys are long.
        return key is { Length: >= 8 } ? key : null;
    }

    /// <summary>The key without a <c>Token </c> or <c>Bearer </c> scheme it was configured with.</summary>
    public static string BareKey(string apiKey)
    {
        var key = apiKey.Trim();
        foreach (var scheme in (ReadOnlySpan<string>)["Token ", "Bearer "])
        {
            if (key.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return key[scheme.Length..].Trim();
            }
        }

        return key;
    }
}
