using MemOS.Client.Api;

namespace MemOS.Client.Errors;

/// <summary>What <see cref="Rulebook"/> needs to know about a call to name its failure.</summary>
/// <param name="Route">The route called.</param>
/// <param name="Host">The host and port called (<c>host:port</c>), for connection failures.</param>
/// <param name="CallTimeout">The client's limit for the whole call.</param>
/// <param name="HttpClientTimeout">The <see cref="HttpClient.Timeout"/> of the client sent with.</param>
/// <param name="EarlierAttemptMayHaveApplied">Whether an attempt before the last failed in a way the service may still
/// have processed.</param>
/// <param name="CallerToken">The caller's own token: its cancellation is never a MemOS failure.</param>
internal readonly record struct FailureContext(
    RouteFacts Route,
    string Host,
    TimeSpan CallTimeout,
    TimeSpan HttpClientTimeout,
    bool EarlierAttemptMayHaveApplied,
    CancellationToken CallerToken);
