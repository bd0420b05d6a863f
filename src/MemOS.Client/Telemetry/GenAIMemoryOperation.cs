namespace MemOS.Client.Telemetry;

/// <summary>
/// The OpenTelemetry GenAI name (<c>gen_ai.operation.name</c>) of each MemOS route that has one:
/// the memory operations' names for memory routes, <c>chat</c> for answer-generating routes.
/// </summary>
internal static class GenAIMemoryOperation
{
    public const string Chat = "chat";
    public const string Search = "search_memory";
    public const string Upsert = "upsert_memory";
    public const string Update = "update_memory";
    public const string Delete = "delete_memory";
    public const string CreateStore = "create_memory_store";
    public const string DeleteStore = "delete_memory_store";

    /// <summary>The GenAI operation of a route, or null for routes the conventions have no name for (reads, profiles, tasks).</summary>
    public static string? For(string route) => route switch
    {
        "chat" or "product/chat/stream" or "product/chat/complete" => Chat,
        "search/memory" or "product/search" => Search,
        // Messages and feedback create memories or change existing ones: the service decides which.
        "add/message" or "add/feedback" or "product/add" or "product/feedback" => Upsert,
        "update/memory" => Update,
        "delete/memory" or "product/delete_memory" => Delete,
        // A knowledge base is a store of memories that searches can draw on.
        "create/knowledgebase" => CreateStore,
        "delete/knowledgebase" => DeleteStore,
        _ => null,
    };
}
