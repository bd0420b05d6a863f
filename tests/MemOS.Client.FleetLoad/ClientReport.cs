namespace MemOS.Client.FleetLoad;

/// <summary>
/// What one client process counted, printed as one JSON line. Requests are attempts sent (calls
/// plus retries); rate-limited answers are every 40309/429 the process heard, retried or not.
/// </summary>
internal sealed record ClientReport(
    int Calls,
    int Succeeded,
    int SucceededInWindow,
    Dictionary<string, int> Failures,
    long Retries,
    long RateLimited,
    long CoordinatorLost,
    double[] LatenciesMs);
