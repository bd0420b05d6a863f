using MemOS.Client.Errors;

namespace MemOS.Client.Transport;

/// <summary>What a client hands its transport: where to send, how to authenticate, how long to wait.</summary>
/// <param name="BaseUri">The API root; a trailing slash is added when missing.</param>
/// <param name="Authorization">The whole <c>Authorization</c> header value, or null to send none.</param>
/// <param name="Secret">The API key, so that any service text echoing it can be redacted.</param>
/// <param name="Timeout">The limit for a whole non-streaming call, and for a stream's headers.</param>
/// <param name="StreamIdleTimeout">The longest a stream read may wait for bytes.</param>
/// <param name="MaxStreamEventBytes">The most data one stream event may carry.</param>
/// <param name="ClientName">The SDK client's type name, for <see cref="ObjectDisposedException"/>.</param>
/// <param name="UserAgentApplicationId">The application's id put before the SDK's in <c>User-Agent</c>, already
/// validated; none when null.</param>
/// <param name="CaptureContent">Whether spans may carry request and answer text (decided by
/// <see cref="Telemetry.ContentCapture"/>).</param>
/// <param name="TimeProvider">The clock an answer's Retry-After date is read against; the system clock when
/// null.</param>
internal sealed record TransportSettings(
    Uri BaseUri,
    string? Authorization,
    string? Secret,
    TimeSpan Timeout,
    TimeSpan StreamIdleTimeout,
    int MaxStreamEventBytes,
    string ClientName,
    string? UserAgentApplicationId = null,
    TimeProvider? TimeProvider = null,
    bool CaptureContent = false)
{
    /// <summary>Shows where the settings point, never the key or the header built from it.</summary>
    public override string ToString() => $"TransportSettings {{ BaseUri = {BaseUri}, Timeout = {Timeout} }}";

    /// <summary>The API root as a base address: with a trailing slash, so that routes resolve beneath it.</summary>
    public static Uri BaseAddress(Uri root)
        => root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");

    /// <summary>
    /// The cloud's scheme is <c>Token</c> (<c>Authorization: Token &lt;key&gt;</c>); a key that already names its
    /// scheme is sent
    /// as given, as the official CLI does.
    /// </summary>
    public static string? AuthorizationFor(string? apiKey, string defaultScheme)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return null;
        }

        var key = apiKey.Trim();
        return SecretRedactor.BareKey(key).Length == key.Length ? defaultScheme + " " + key : key;
    }
}
