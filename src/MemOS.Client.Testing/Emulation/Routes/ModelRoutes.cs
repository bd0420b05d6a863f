using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>
/// extract/memory and rerank, with the same deterministic extraction and scoring as the rest of the emulator.
/// </summary>
internal static class ModelRoutes
{
    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes)
    {
        routes["extract/memory"] = ExtractMemory;
        routes["rerank"] = Rerank;
    }

    private static Task ExtractMemory(EmulatorCall call)
    {
        var messages = call.Request.Body["messages"] as JsonArray;
        if (messages is null || messages.Count == 0)
        {
            return call.Error(MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: messages");
        }

        var types = call.Request.Strings("extraction_types");
        var statements = messages.OfType<JsonObject>()
            .Where(m => m["role"]?.ToString() == "user")
            .SelectMany(m => MemoryExtractor.Statements(MemoryRoutes.MessageText(m["content"])))
            .ToArray();
        var data = new JsonObject { ["success"] = true };
        data["memory_detail_list"] = types.Count == 0 || types.Contains("memory")
            ? new JsonArray([.. statements.Select(s => new JsonObject
            {
                ["memory_key"] = MemoryExtractor.Title(s),
                ["memory_value"] = "The user said: " + s,
                ["memory_type"] = "UserMemory",
                ["tags"] = new JsonArray(),
            })])
            : new JsonArray();
        data["preference_detail_list"] = types.Count == 0 || types.Contains("preference")
            ? new JsonArray([.. statements.Where(MemoryExtractor.IsPreference).Select(s => new JsonObject
            {
                ["preference"] = s,
                ["reasoning"] = "The user stated this directly.",
                ["preference_type"] = "explicit_preference",
            })])
            : new JsonArray();
        return call.Ok(data);
    }

    private static Task Rerank(EmulatorCall call)
    {
        var query = call.Request.String("query");
        var documents = call.Request.Strings("documents");
        var topN = (int?)call.Request.Number("top_n");
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(query), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: query"),
                (documents.Count == 0, MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: documents"),
                (topN is <= 0, MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: top_n must be positive")))
        {
            return error;
        }

        var results = documents
            .Select((text, index) => (Index: index, Text: text, Score: RelevanceScorer.Score(query!, text)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Index)
            .Take(topN ?? documents.Count)
            .Select(hit => new JsonObject
            {
                ["index"] = hit.Index,
                ["document"] = new JsonObject { ["text"] = hit.Text },
                ["relevance_score"] = hit.Score,
            });
        var tokens = (query!.Length + documents.Sum(d => d.Length)) / 4;

        // The documented rerank answer is bare, without the envelope (SPEC §8.2).
        var body = new JsonObject
        {
            ["id"] = EmulatorCall.NewId(),
            ["model"] = call.Request.String("model") ?? "memos-reranker-0.6b",
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
            ["results"] = new JsonArray([.. results]),
        };
        return EmulatorResponses.Bare(call.Context, body);
    }
}
