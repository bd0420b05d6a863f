using MemOS.Client;
using MemOS.Client.HealthChecks;
using MemOS.Client.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Health checks for the MemOS clients registered with dependency injection, for Kubernetes
/// probes, load balancers and dashboards (<c>app.MapHealthChecks("/health")</c>). A failing check
/// says why in its description (unauthorized, rate limited, unreachable, timed out), never with the key.
/// </summary>
public static class MemOSHealthChecksBuilderExtensions
{
    /// <summary>How long a probe may take unless the registration says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Checks the MemOS cloud with the registered <see cref="IMemOSClient"/> (or the one registered
    /// under <paramref name="clientName"/>): a one-memory search, the cheap authenticated call the
    /// official MemOS CLI uses to check a key. Healthy when it succeeds; Degraded when rate
    /// limited; <paramref name="failureStatus"/> when the key is refused, the quota is spent, the
    /// service is unreachable, fails or does not answer within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="clientName">The name a further client was registered under with <c>AddMemOSClient(name, ...)</c>;
    /// null for the default client.</param>
    /// <param name="name">The check's name; <c>memos</c> (or <c>memos-{clientName}</c>) when null.</param>
    /// <param name="failureStatus">The status of a failed check; <see cref="HealthStatus.Unhealthy"/> when
    /// null.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <param name="timeout">How long the probe may take; 5 seconds when null.</param>
    /// <returns>The builder, for more checks.</returns>
    public static IHealthChecksBuilder AddMemOS(
        this IHealthChecksBuilder builder,
        string? clientName = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
        => Add<IMemOSClient>(
            builder,
            "memos",
            clientName,
            name,
            failureStatus,
            tags,
            timeout,
            static (client, limit) => new MemOSHealthCheck(client, limit));

    /// <summary>
    /// Checks a self-hosted MemOS server with the registered <see cref="IMemOSServerClient"/> (or the
    /// one registered under <paramref name="clientName"/>): its <c>GET /health</c>. Healthy when it
    /// answers with success; Degraded when rate limited; <paramref name="failureStatus"/> when it
    /// refuses, fails, is unreachable or does not answer within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="clientName">The name a further client was registered under with
    /// <c>AddMemOSServerClient(name, ...)</c>; null for the default client.</param>
    /// <param name="name">The check's name; <c>memos-server</c> (or <c>memos-server-{clientName}</c>) when
    /// null.</param>
    /// <param name="failureStatus">The status of a failed check; <see cref="HealthStatus.Unhealthy"/> when
    /// null.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <param name="timeout">How long the probe may take; 5 seconds when null.</param>
    /// <returns>The builder, for more checks.</returns>
    public static IHealthChecksBuilder AddMemOSServer(
        this IHealthChecksBuilder builder,
        string? clientName = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
        => Add<IMemOSServerClient>(
            builder,
            "memos-server",
            clientName,
            name,
            failureStatus,
            tags,
            timeout,
            static (client, limit) => new MemOSServerHealthCheck(client, limit));

    // The check of the client registered as TClient (under clientName, when given), named defaultName or
    // defaultName-clientName.
    private static IHealthChecksBuilder Add<TClient>(
        IHealthChecksBuilder builder,
        string defaultName,
        string? clientName,
        string? name,
        HealthStatus? failureStatus,
        IEnumerable<string>? tags,
        TimeSpan? timeout,
        Func<TClient, TimeSpan, IHealthCheck> create)
        where TClient : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        return builder.Add(new HealthCheckRegistration(
            name ?? (clientName is null ? defaultName : defaultName + "-" + clientName),
            provider => create(clientName is null
                ? provider.GetRequiredService<TClient>()
                : provider.GetRequiredKeyedService<TClient>(clientName), limit),
            failureStatus,
            tags));
    }
}
