using MemOS.Client;
using MemOS.Client.Aspire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Registers the MemOS client in an Aspire service: from the connection string an AppHost hands it
/// (<c>WithReference</c>) and the <c>Aspire:MemOS</c> settings, with its health check, tracing and metrics.
/// </summary>
public static class AspireMemOSExtensions
{
    /// <summary>
    /// The configuration section the settings are bound from; a named client's are under <c>Aspire:MemOS:{name}</c> as
    /// well.
    /// </summary>
    public const string DefaultConfigSectionName = "Aspire:MemOS";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> and
    /// <see cref="System.Diagnostics.Metrics.Meter"/> the client records to.
    /// </summary>
    public const string TelemetryName = "MemOS.Client";

    /// <summary>
    /// Registers <see cref="IMemOSClient"/> (a singleton <see cref="MemOSClient"/>) configured from the
    /// connection string <c>ConnectionStrings:{connectionName}</c> (<c>Endpoint=…;Key=…</c>) and the
    /// <c>Aspire:MemOS</c> settings, and, unless turned off in <see cref="MemOSClientSettings"/>, its
    /// health check (named <c>MemOS</c>), its spans and its metrics in the app's OpenTelemetry setup.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="connectionName">The resource's name in the AppHost, which names its connection string.</param>
    /// <param name="configureSettings">Changes the settings after configuration was read.</param>
    /// <param name="configureOptions">Changes the client's options (retries, timeouts, region) after the settings were
    /// applied.</param>
    /// <exception cref="InvalidOperationException">The client is already registered, or the connection string cannot be
    /// read.</exception>
    public static void AddMemOSClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<MemOSClientSettings>? configureSettings = null,
        Action<MemOSClientOptions>? configureOptions = null)
        => Add(builder, connectionName, serviceKey: null, configureSettings, configureOptions);

    /// <summary>
    /// Registers a further <see cref="IMemOSClient"/> under the key <paramref name="name"/>, configured as
    /// <see cref="AddMemOSClient"/> configures the default one from <c>ConnectionStrings:{name}</c>.
    /// Take it with <c>[FromKeyedServices("name")] IMemOSClient</c>. Its health check is named <c>MemOS_{name}</c>.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="name">The resource's name in the AppHost, and the service key.</param>
    /// <param name="configureSettings">Changes the settings after configuration was read.</param>
    /// <param name="configureOptions">Changes the client's options after the settings were applied.</param>
    /// <exception cref="InvalidOperationException">A client with this key is already registered, or the connection
    /// string cannot be read.</exception>
    public static void AddKeyedMemOSClient(
        this IHostApplicationBuilder builder,
        string name,
        Action<MemOSClientSettings>? configureSettings = null,
        Action<MemOSClientOptions>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Add(builder, name, serviceKey: name, configureSettings, configureOptions);
    }

    private static void Add(
        IHostApplicationBuilder builder,
        string connectionName,
        string? serviceKey,
        Action<MemOSClientSettings>? configureSettings,
        Action<MemOSClientOptions>? configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new MemOSClientSettings();
        builder.Configuration.GetSection(DefaultConfigSectionName).Bind(settings);
        builder.Configuration.GetSection($"{DefaultConfigSectionName}:{connectionName}").Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { } connectionString
            && !string.IsNullOrWhiteSpace(connectionString))
        {
            settings.ParseConnectionString(connectionName, connectionString);
        }

        configureSettings?.Invoke(settings);

        builder.Services.AddMemOSClient(serviceKey, options =>
        {
            options.ApiKey = settings.Key;
            options.BaseUrl = settings.Endpoint;
            configureOptions?.Invoke(options);
        });

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddMemOS(
                serviceKey,
                name: serviceKey is null ? "MemOS" : "MemOS_" + serviceKey,
                timeout: settings.HealthCheckTimeout);
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(TelemetryName));
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(TelemetryName));
        }
    }
}
