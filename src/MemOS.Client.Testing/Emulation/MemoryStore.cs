using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Writing memories from text and recalling them for a query, shared by add/message, feedback and chat.
/// </summary>
internal static class MemoryStore
{
    private const double DefaultRelativity = 0.45;
    private const int DefaultRecall = 9;

    /// <summary>
    /// Stores one fact per statement, and a preference for each liking or dislike. Caller holds the tenant's gate.
    /// </summary>
    public static (List<string> Facts, List<string> Preferences) Remember(
        EmulatorTenant tenant,
        long now,
        string userId,
        string? agentId,
        string? appId,
        string conversationId,
        string text,
        IReadOnlyList<string> tags,
        JsonObject? info)
    {
        var facts = new List<string>();
        var preferences = new List<string>();
        foreach (var sentence in MemoryExtractor.Statements(text))
        {
            var fact = new StoredMemory
            {
                Id = EmulatorCall.NewId(),
                IsPreference = false,
                UserId = userId,
                AgentId = agentId,
                AppId = appId,
                ConversationId = conversationId,
                Key = MemoryExtractor.Title(sentence),
                Value = "The user said: " + sentence,
                CreateTime = now,
                UpdateTime = now,
                Tags = tags,
                Info = (JsonObject?)info?.DeepClone() ?? [],
                SourceMessage = text,
            };
            tenant.Memories.Add(fact);
            facts.Add(fact.Id);
            if (MemoryExtractor.IsPreference(sentence))
            {
                var preference = new StoredMemory
                {
                    Id = EmulatorCall.NewId(),
                    IsPreference = true,
                    UserId = userId,
                    AgentId = agentId,
                    AppId = appId,
                    ConversationId = conversationId,
                    Key = "Preference",
                    Value = sentence,
                    CreateTime = now,
                    UpdateTime = now,
                    Tags = tags,
                    Info = (JsonObject?)info?.DeepClone() ?? [],
                    SourceMessage = text,
                };
                tenant.Memories.Add(preference);
                preferences.Add(preference.Id);
            }
        }

        return (facts, preferences);
    }

    /// <summary>The memories relevant to a query, or why the request is invalid.</summary>
    public static (
        List<(StoredMemory Memory, double Score)> Facts,
        List<(StoredMemory Memory, double Score)> Preferences,
        string? Error) Recall(EmulatorTenant tenant, EmulatorRequest request, string query, string subject)
    {
        var filter = FilterEvaluator.Compile(request.Body["filter"], out var filterError);
        var memoryLimit = (int)(request.Number("memory_limit_number") ?? DefaultRecall);
        var preferenceLimit = (int)(request.Number("preference_limit_number") ?? DefaultRecall);
        if (filterError is not null)
        {
            return ([], [], filterError);
        }

        if (memoryLimit is < 1 or > MemOSLimits.MaxRecallLimit
            || preferenceLimit is < 1 or > MemOSLimits.MaxRecallLimit)
        {
            return ([], [], "limits must be between 1 and 25");
        }

        var views = request.Strings("include_memory_view");
        var includeFacts = views.Count == 0 || views.Contains("detail_factual");
        var includePreferences = (request.Boolean("include_preference") ?? true)
            && (views.Count == 0 || views.Contains("preference"));
        var threshold = request.Number("relativity") ?? DefaultRelativity;
        List<StoredMemory> candidates;
        lock (tenant.Gate)
        {
            candidates = tenant.Memories.Where(
                m => (m.UserId == subject || m.AgentId == subject) && m.Status == "activated" && filter(m)).ToList();
        }

        var scored = candidates
            .Select(m => (Memory: m, Score: RelevanceScorer.Score(query, m.Key + " " + m.Value)))
            .Where(hit => threshold <= 0 || hit.Score >= threshold)
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Memory.CreateTime)
            .ToList();
        var facts = includeFacts ? scored.Where(hit => !hit.Memory.IsPreference).Take(memoryLimit).ToList() : [];
        var preferences = includePreferences
            ? scored.Where(hit => hit.Memory.IsPreference).Take(preferenceLimit).ToList()
            : [];
        return (facts, preferences, null);
    }

    public static JsonObject FactJson(StoredMemory memory, double? score)
    {
        var json = new JsonObject
        {
            ["id"] = memory.Id,
            ["memory_key"] = memory.Key,
            ["memory_value"] = memory.Value,
            ["memory_type"] = "LongTermMemory",
            ["create_time"] = memory.CreateTime,
            ["update_time"] = memory.UpdateTime,
            ["conversation_id"] = memory.ConversationId,
            ["status"] = memory.Status,
            ["confidence"] = 0.99,
            ["tags"] = new JsonArray([.. memory.Tags.Select(t => (JsonNode?)t)]),
        };
        AddScoreOrSources(json, memory, score);
        return json;
    }

    public static JsonObject PreferenceJson(StoredMemory memory, double? score)
    {
        var json = new JsonObject
        {
            ["id"] = memory.Id,
            ["preference_type"] = memory.PreferenceType,
            ["preference"] = memory.Value,
            ["reasoning"] = "The user stated this directly.",
            ["create_time"] = memory.CreateTime,
            ["update_time"] = memory.UpdateTime,
            ["conversation_id"] = memory.ConversationId,
            ["status"] = memory.Status,
        };
        AddScoreOrSources(json, memory, score);
        return json;
    }

    // Search items carry a relevance; get/memory items carry their sources and info instead.
    private static void AddScoreOrSources(JsonObject json, StoredMemory memory, double? score)
    {
        if (score is { } relevance)
        {
            json["relativity"] = relevance;
            return;
        }

        json["sources"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = memory.SourceMessage });
        json["info"] = memory.Info.DeepClone();
    }
}
