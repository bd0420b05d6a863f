using System.Diagnostics.Metrics;
using System.Reflection;

namespace MemOS.Client.Redis.Budget;

/// <summary>
/// The budget's metric, on a meter named as the SDK's (<c>MemOS.Client</c>), so the
/// <c>AddMeter("MemOS.Client")</c> an app already has collects it.
/// </summary>
internal static class BudgetTelemetry
{
    private static readonly Meter Meter = new(
        "MemOS.Client",
        typeof(BudgetTelemetry).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0");

    /// <summary>
    /// Times a Redis budget lost Redis and went on with its local share: once per outage and instance.
    /// </summary>
    public static Counter<long> CoordinatorLost { get; } = Meter.CreateCounter<long>(
        "memos.client.rate_budget.coordinator_lost",
        "{outage}",
        "Times a Redis rate budget found Redis unavailable and went on with this instance's share of the budget.");
}
