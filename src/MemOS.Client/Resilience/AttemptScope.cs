namespace MemOS.Client.Resilience;

/// <summary>
/// Per-call settings that a caller driving many calls (the bulk importer) hands to the resilience
/// handler, which stays the one owner of retries: how many retries the calls in the scope may take,
/// and a listener told of every rate-limited attempt as it happens (not after the retries are spent).
/// It flows with the async call, so it needs no public surface and works through any HttpClient
/// the SDK's handler sits in.
/// </summary>
internal sealed class AttemptScope
{
    private static readonly AsyncLocal<AttemptScope?> CurrentScope = new();

    public AttemptScope(int? maxRetries = null, Action<TimeSpan?>? onRateLimited = null)
    {
        MaxRetries = maxRetries;
        OnRateLimited = onRateLimited;
    }

    /// <summary>Replaces the client's retry count for calls in this scope; null keeps the client's.</summary>
    public int? MaxRetries { get; }

    /// <summary>Called on each attempt the service rate-limited, with its Retry-After when it gave one.</summary>
    public Action<TimeSpan?>? OnRateLimited { get; }

    /// <summary>The scope the current call runs in, if any.</summary>
    public static AttemptScope? Current => CurrentScope.Value;

    /// <summary>Makes this the scope of the calls started until the returned value is disposed.</summary>
    public Restore Enter()
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = this;
        return new Restore(previous);
    }

    /// <summary>Puts the previous scope back.</summary>
    public readonly struct Restore(AttemptScope? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}
