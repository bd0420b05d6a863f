namespace MemOS.Client.Transport;

/// <summary>
/// What the resilience handler needs to know about a request: which operation it is, whether
/// repeating it could duplicate a write, and whether it generates an answer (and so may run long).
/// </summary>
internal sealed record MemOSOperation(string Name, bool IsWrite, bool IsGeneration)
{
    public static HttpRequestOptionsKey<MemOSOperation> Key { get; } = new("MemOS.Operation");

    // State-creating routes (SPEC §13.3); the API has no idempotency key, so these are never
    // repeated unless the service certainly did not process them.
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal)
    {
        "add/message", "chat", "add/feedback", "create/knowledgebase", "add/knowledgebase-file",
        "bind/profile_template", "add/profile_template",
        "product/add", "product/feedback", "product/chat/stream", "product/chat/complete",
    };

    public static MemOSOperation For(string route)
        => new(route, Writes.Contains(route), IsGenerationRoute(route));

    /// <summary>Routes whose answer a model generates, and so may run long.</summary>
    public static bool IsGenerationRoute(string route) => route is "chat" or "product/chat/stream" or "product/chat/complete";

    /// <summary>A request sent through the handler without an operation is treated as an unrepeatable write.</summary>
    public static MemOSOperation Unknown(HttpRequestMessage request)
        => new(request.RequestUri?.AbsolutePath ?? "request", IsWrite: true, IsGeneration: false);
}
