using MemOS.Client.Memories;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MemOS.Client.HealthChecks;

/// <summary>
/// The health of the MemOS cloud as one client sees it: a one-memory search, the authenticated
/// probe the official CLI uses to check a key, so a refused key, a rate limit or an unreachable
/// service each show with their reason.
/// </summary>
internal sealed class MemOSHealthCheck(IMemOSClient client, TimeSpan timeout) : IHealthCheck
{
    /// <summary>The user the probe searches as: one no app uses, so the probe reads nothing of anyone's.</summary>
    public const string ProbeUserId = "memos-health-check";

    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var service = client is MemOSClient concrete ? "MemOS cloud at " + concrete.BaseUrl.Host : "MemOS cloud";
        return HealthProbe.RunAsync(
            service,
            timeout,
            context.Registration.FailureStatus,
            token => client.SearchMemoryAsync(new SearchMemoryRequest
            {
                Query = "ping",
                UserId = ProbeUserId,
                MemoryLimitNumber = 1,
            }, token),
            cancellationToken);
    }
}
