using System.Text.Json;
using MemOS.Client.Chat;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// What the call benchmarks send and what the server answers: the largest documented example of
/// each, so the per-call work is not flattered by a tiny body.
/// </summary>
internal static class Bodies
{
    public const string SearchRequestFixture = "search_memory.request.source_filter.json";
    public const string AddRequestFixture = "add_message.request.tool_calling.json";
    public const string ChatRequestFixture = "chat.request.json";
    public const string SearchResponseFixture = "search_memory.data.knowledgebase_fragment.json";
    public const string AddResponseFixture = "add_message.response.json";

    public static SearchMemoryRequest SearchRequest { get; } = Fixtures.Request(SearchRequestFixture, MemOSJsonContext.Default.SearchMemoryRequest);

    public static AddMessageRequest AddRequest { get; } = Fixtures.Request(AddRequestFixture, MemOSJsonContext.Default.AddMessageRequest);

    public static ChatRequest ChatRequest { get; } = Fixtures.Request(ChatRequestFixture, MemOSJsonContext.Default.ChatRequest);

    /// <summary>The bytes the floor sends: the SDK's own serialization, made once.</summary>
    public static byte[] SearchRequestBytes { get; } = JsonSerializer.SerializeToUtf8Bytes(SearchRequest, MemOSJsonContext.Default.SearchMemoryRequest);

    public static byte[] AddRequestBytes { get; } = JsonSerializer.SerializeToUtf8Bytes(AddRequest, MemOSJsonContext.Default.AddMessageRequest);

    /// <summary>The streamed chat request, with <c>stream</c> set as the SDK sets it.</summary>
    public static byte[] ChatStreamRequestBytes { get; } = JsonSerializer.SerializeToUtf8Bytes(ChatRequest with { Stream = true }, MemOSJsonContext.Default.ChatRequest);

    /// <summary>The docs print this answer's data alone; it is sent inside a success envelope.</summary>
    public static byte[] SearchResponse { get; } = Fixtures.AsEnvelopeData(SearchResponseFixture);

    public static byte[] AddResponse { get; } = Fixtures.Bytes(AddResponseFixture);
}
