using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MemOS.Client.Memories;
using MemOS.Client.Serialization;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// JSON alone, for the largest example bodies. Writing a request has no floor: the call floor
/// sends bytes made once, so all of this time is the SDK's. Reading an answer is set against a
/// <see cref="Utf8JsonReader"/> walking the same bytes, the least any parser does; the gap is
/// what building the typed objects costs.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private const string MultimodalResponseFixture = "search_memory.response.multimodal.json";

    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;
    private static readonly byte[] MultimodalResponse = Fixtures.Bytes(MultimodalResponseFixture);

    [Benchmark, BenchmarkCategory("write add_message request")]
    public byte[] SerializeAddRequest() => JsonSerializer.SerializeToUtf8Bytes(Bodies.AddRequest, Json.AddMessageRequest);

    [Benchmark, BenchmarkCategory("write search_memory request")]
    public byte[] SerializeSearchRequest() => JsonSerializer.SerializeToUtf8Bytes(Bodies.SearchRequest, Json.SearchMemoryRequest);

    [Benchmark(Baseline = true), BenchmarkCategory("read search_memory answer (knowledge base)")]
    public int ReadKnowledgeBaseAnswerTokens() => ReadTokens(Bodies.SearchResponse);

    [Benchmark, BenchmarkCategory("read search_memory answer (knowledge base)")]
    public SearchMemoryResult? DeserializeKnowledgeBaseAnswer() => JsonSerializer.Deserialize(Bodies.SearchResponse, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult)!.Data;

    [Benchmark(Baseline = true), BenchmarkCategory("read search_memory answer (multimodal)")]
    public int ReadMultimodalAnswerTokens() => ReadTokens(MultimodalResponse);

    [Benchmark, BenchmarkCategory("read search_memory answer (multimodal)")]
    public SearchMemoryResult? DeserializeMultimodalAnswer() => JsonSerializer.Deserialize(MultimodalResponse, FloorJsonContext.Default.FloorEnvelopeSearchMemoryResult)!.Data;

    private static int ReadTokens(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
