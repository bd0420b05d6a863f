namespace MemOS.Client.Telemetry;

/// <summary>
/// The OpenTelemetry GenAI operation names (<c>gen_ai.operation.name</c>) MemOS calls carry: the
/// memory operations' names for memory routes, <c>chat</c> for answer-generating routes. Which
/// route has which is decided in the routes' rows (<see cref="Api.CloudCalls"/>, <see cref="Api.ServerCalls"/>).
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
}
