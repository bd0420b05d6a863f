using System.Threading.RateLimiting;

namespace MemOS.Client.Redis.Budget;

/// <summary>
/// A permit of the budget, or its refusal with when to expect one. Nothing to give back: a permit is spent by the
/// request.
/// </summary>
internal sealed class BudgetLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly BudgetLease Granted = new(acquired: true, retryAfter: null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
