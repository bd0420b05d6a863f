using MemOS.Client.Server;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MemOS.Client.HealthChecks;

/// <summary>
/// The health of a self-hosted MemOS server: its own <c>GET /health</c>, through the client's connection pool.
/// </summary>
internal sealed class MemOSServerHealthCheck(IMemOSServerClient client, TimeSpan timeout) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (client is not MemOSServerClient server)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The registered "
                + $"{nameof(IMemOSServerClient)} is a {client.GetType().Name}, which has no health route to probe."));
        }

        return HealthProbe.RunAsync(
            "MemOS server at " + server.BaseUrl.Authority,
            timeout,
            context.Registration.FailureStatus,
            server.CheckHealthAsync,
            cancellationToken);
    }
}
