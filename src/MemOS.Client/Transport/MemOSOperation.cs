using System.Collections.Frozen;
using MemOS.Client.Api;
using MemOS.Client.Telemetry;

namespace MemOS.Client.Transport;

/// <summary>
/// What the resilience handler needs to know about a request: which operation it is, whether
/// repeating it could duplicate a write, and whether it generates an answer (and so may run long).
/// </summary>
/// <param name="Name">The route without its leading slash, such as <c>search/memory</c> or <c>get/memory/{id}</c>: never an id of the caller's.</param>
/// <param name="IsWrite">Whether the route creates state (SPEC §13.3); the API has no idempotency key, so such a request is never repeated unless the service certainly did not process it.</param>
/// <param name="IsGeneration">Whether a model generates the answer, so it may run long.</param>
/// <param name="GenAIName">The OpenTelemetry GenAI operation name (<c>gen_ai.operation.name</c>), for routes the conventions name.</param>
internal sealed record MemOSOperation(string Name, bool IsWrite, bool IsGeneration, string? GenAIName = null)
{
    // Every route with its decision, built once: an operation is looked up per call, never built.
    private static readonly FrozenDictionary<string, MemOSOperation> Known = new[]
    {
        // Messages and feedback create memories or change existing ones (the service decides which): upserts.
        NotRepeatable(Routes.AddMessage, GenAIMemoryOperation.Upsert), Repeatable(Routes.SearchMemory, GenAIMemoryOperation.Search), Generation(Routes.Chat),
        Repeatable(Routes.GetMemory), Repeatable(Routes.GetMemoryById), Repeatable(Routes.UpdateMemory, GenAIMemoryOperation.Update), Repeatable(Routes.DeleteMemory, GenAIMemoryOperation.Delete),
        Repeatable(Routes.GetMessage), NotRepeatable(Routes.AddFeedback, GenAIMemoryOperation.Upsert), Repeatable(Routes.GetStatus), Repeatable(Routes.ExtractMemory), Repeatable(Routes.Rerank),

        // A knowledge base is a store of memories that searches can draw on.
        NotRepeatable(Routes.CreateKnowledgeBase, GenAIMemoryOperation.CreateStore), Repeatable(Routes.DeleteKnowledgeBase, GenAIMemoryOperation.DeleteStore),
        NotRepeatable(Routes.AddKnowledgeBaseFile), Repeatable(Routes.GetKnowledgeBaseFile), Repeatable(Routes.DeleteKnowledgeBaseFile),
        NotRepeatable(Routes.BindProfileTemplate), Repeatable(Routes.EditProfile), Repeatable(Routes.DeleteProfile), NotRepeatable(Routes.AddProfileTemplate),
        Repeatable(Routes.ListProfileTemplates), Repeatable(Routes.GetProfileTemplate), Repeatable(Routes.UpdateProfileTemplate), Repeatable(Routes.DeleteProfileTemplate),
        Generation(Routes.ServerChatStream), Generation(Routes.ServerChatComplete), NotRepeatable(Routes.ServerAdd, GenAIMemoryOperation.Upsert),
        Repeatable(Routes.ServerSearch, GenAIMemoryOperation.Search), Repeatable(Routes.ServerGetMemory), Repeatable(Routes.ServerGetMemoryById),
        Repeatable(Routes.ServerDeleteMemory, GenAIMemoryOperation.Delete), NotRepeatable(Routes.ServerFeedback, GenAIMemoryOperation.Upsert),
    }.ToFrozenDictionary(entry => entry.Route, entry => entry.Operation, StringComparer.Ordinal);

    /// <summary>Every route the SDK sends to, for the test that checks each has a decision.</summary>
    public static IEnumerable<string> KnownRoutes => Known.Keys;

    /// <summary>The operation of a route of <see cref="Routes"/>; a route without an entry is treated as an unrepeatable write.</summary>
    public static MemOSOperation For(string route)
        => Known.TryGetValue(route, out var operation) ? operation : new(route.TrimStart('/'), IsWrite: true, IsGeneration: false);

    /// <summary>The operation of a request sent by the SDK; any other request is treated as an unrepeatable write.</summary>
    public static MemOSOperation For(HttpRequestMessage request)
        => request.Options.TryGetValue(MemOSCall.Key, out var call) ? call.Operation
           : new(request.RequestUri?.AbsolutePath ?? "request", IsWrite: true, IsGeneration: false);

    private static (string Route, MemOSOperation Operation) Repeatable(string route, string? genAIName = null) => (route, new(route.TrimStart('/'), IsWrite: false, IsGeneration: false, genAIName));

    private static (string Route, MemOSOperation Operation) NotRepeatable(string route, string? genAIName = null) => (route, new(route.TrimStart('/'), IsWrite: true, IsGeneration: false, genAIName));

    private static (string Route, MemOSOperation Operation) Generation(string route) => (route, new(route.TrimStart('/'), IsWrite: true, IsGeneration: true, GenAIMemoryOperation.Chat));
}
