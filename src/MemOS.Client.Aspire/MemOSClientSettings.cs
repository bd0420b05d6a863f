namespace MemOS.Client.Aspire;

/// <summary>
/// The Aspire settings of a MemOS client, bound from the <c>Aspire:MemOS</c> configuration section,
/// then <c>Aspire:MemOS:{name}</c>, then the connection string <c>ConnectionStrings:{name}</c>,
/// then the delegate passed to <c>AddMemOSClient</c>: each later source overrides the earlier.
/// </summary>
public sealed class MemOSClientSettings
{
    /// <summary>
    /// The API root the client calls, such as an emulator's <c>http://localhost:5100/api/openmem/v1</c>;
    /// the MemOS cloud endpoint of the client's region when null.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The API key. Keep it in a secret store or an Aspire secret parameter, never in a committed file.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Whether the MemOS health check is left out (it is registered by default).</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>How long the health check's probe may take; 5 seconds when null.</summary>
    public TimeSpan? HealthCheckTimeout { get; set; }

    /// <summary>
    /// Whether the client's spans are left out of the app's OpenTelemetry tracing (they are added by default).
    /// </summary>
    public bool DisableTracing { get; set; }

    /// <summary>
    /// Whether the client's metrics are left out of the app's OpenTelemetry metrics (they are added by default).
    /// </summary>
    public bool DisableMetrics { get; set; }

    /// <summary>Shows where the settings point and what is turned off, never the key.</summary>
    public override string ToString()
        => $"MemOSClientSettings {{ Endpoint = {Endpoint?.ToString() ?? "(region default)"}, Key = "
            + $"{(Key is null ? "(none)" : "(set)")}, DisableHealthChecks = {DisableHealthChecks}, DisableTracing = "
            + $"{DisableTracing}, DisableMetrics = {DisableMetrics} }}";

    /// <summary>
    /// Reads a connection string of the form <c>Endpoint=&lt;absolute URL&gt;;Key=&lt;API key&gt;</c>
    /// (keys in any case, both optional), or a bare absolute URL as the endpoint.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string cannot be read; the message never quotes it,
    /// as it may hold the key.</exception>
    internal void ParseConnectionString(string connectionName, string connectionString)
    {
        var text = connectionString.Trim();
        if (!text.Contains('=', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var bare))
        {
            Endpoint = bare;
            return;
        }

        var builder = new System.Data.Common.DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"The connection string 'ConnectionStrings:{connectionName}' is not in "
                + "the form Endpoint=<absolute URL>;Key=<API key>.");
        }

        foreach (string name in builder.Keys)
        {
            if (!string.Equals(name, "Endpoint", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(name, "Key", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The connection string 'ConnectionStrings:{connectionName}' has "
                    + $"the unknown key '{name}'; it takes Endpoint and Key.");
            }
        }

        if (builder.TryGetValue("Endpoint", out var endpoint) && endpoint is string url
            && !string.IsNullOrWhiteSpace(url))
        {
            Endpoint = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException("The Endpoint of the connection string "
                    + $"'ConnectionStrings:{connectionName}' is not an absolute URL.");
        }

        if (builder.TryGetValue("Key", out var key) && key is string apiKey && !string.IsNullOrWhiteSpace(apiKey))
        {
            Key = apiKey.Trim();
        }
    }
}
