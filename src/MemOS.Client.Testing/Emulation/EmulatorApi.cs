using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// The emulated cloud endpoints, with the validation codes the service documents (SPEC §13.1).
/// State is kept per API key, as the service keeps it per project.
/// </summary>
internal sealed class EmulatorApi(TimeProvider time)
{
    private const int MaxIdLength = 100;
    private const int MaxRecall = 25;
    private const int DefaultRecall = 9;
    private const double DefaultRelativity = 0.45;

    // The service counts tokens; four characters per token is the usual rough measure.
    private const int MaxInputCharacters = 40_000 * 4;

    private readonly ConcurrentDictionary<string, EmulatorTenant> _tenants = new(StringComparer.Ordinal);

    public void AddTenant(string apiKey) => _tenants.TryAdd(apiKey, new EmulatorTenant());

    public async Task HandleAsync(HttpContext context, string route)
    {
        var key = ReadApiKey(context.Request.Headers.Authorization.ToString());
        if (key is null || !_tenants.TryGetValue(key, out var tenant))
        {
            await EmulatorResponses.Error(context, 40132, "API key is invalid or expired", StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var request = await EmulatorRequest.ReadAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            await EmulatorResponses.Error(context, 40000, "Invalid request parameters: the body must be a JSON object").ConfigureAwait(false);
            return;
        }

        await (route switch
        {
            "add/message" => AddMessage(context, tenant, request),
            "search/memory" => SearchMemory(context, tenant, request),
            "chat" => Chat(context, tenant, request),
            _ => EmulatorResponses.Error(context, 40400, $"Unknown route '{route}'", StatusCodes.Status404NotFound),
        }).ConfigureAwait(false);
    }

    private static string? ReadApiKey(string header)
    {
        foreach (var scheme in new[] { "Token ", "Bearer " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return header[scheme.Length..].Trim();
            }
        }

        return null;
    }

    private static int? CheckIds(IEnumerable<string> userIds, string? conversationId)
    {
        if (userIds.Any(id => id.Length > MaxIdLength))
        {
            return 40010;
        }

        return conversationId is { Length: > MaxIdLength } ? 40011 : null;
    }

    private static string MessageText(JsonNode? content) => content switch
    {
        JsonArray parts => string.Join(" ", parts.OfType<JsonObject>().Select(part => part["text"]?.ToString()).Where(text => text is not null)),
        null => string.Empty,
        _ => content.ToString(),
    };

    private async Task AddMessage(HttpContext context, EmulatorTenant tenant, EmulatorRequest request)
    {
        var userIds = request.Strings("user_id");
        var agentIds = request.Strings("agent_id");
        var conversationId = request.String("conversation_id") ?? "default_session";
        if (userIds.Count == 0 && agentIds.Count == 0)
        {
            await EmulatorResponses.Error(context, 40002, "Required field is empty: user_id").ConfigureAwait(false);
            return;
        }

        if (CheckIds(userIds.Concat(agentIds), conversationId) is { } idError)
        {
            await EmulatorResponses.Error(context, idError, "Identifier longer than 100 characters").ConfigureAwait(false);
            return;
        }

        if (request.Body["messages"] is not JsonArray messages || messages.Count == 0)
        {
            await EmulatorResponses.Error(context, 40002, "Required field is empty: messages").ConfigureAwait(false);
            return;
        }

        var texts = messages.OfType<JsonObject>().Select(m => (Role: m["role"]?.ToString(), RoleId: m["role_id"]?.ToString(), Text: MessageText(m["content"]))).ToArray();
        if (texts.Sum(t => t.Text.Length) > MaxInputCharacters)
        {
            await EmulatorResponses.Error(context, 40013, "The messages are longer than the per-request limit").ConfigureAwait(false);
            return;
        }

        var owner = userIds.Count > 0 ? userIds[0] : agentIds[0];
        var info = request.Body["info"] as JsonObject;
        lock (tenant.Gate)
        {
            foreach (var (role, roleId, text) in texts.Where(t => t.Role == "user"))
            {
                Remember(tenant, roleId is not null && userIds.Contains(roleId) ? roleId : owner, agentIds.Count > 0 ? agentIds[0] : null, request.String("app_id"), conversationId, text, request.Strings("tags"), info);
            }
        }

        var taskId = Guid.NewGuid().ToString();
        lock (tenant.Gate)
        {
            // Extraction is instant here, so the task is complete as soon as it exists.
            tenant.TaskStatus[taskId] = "completed";
        }

        var asyncMode = request.Boolean("async_mode") ?? true;
        await EmulatorResponses.Success(context, new JsonObject
        {
            ["success"] = true,
            ["task_id"] = taskId,
            ["status"] = asyncMode ? "running" : "completed",
        }).ConfigureAwait(false);
    }

    private void Remember(EmulatorTenant tenant, string userId, string? agentId, string? appId, string conversationId, string text, IReadOnlyList<string> tags, JsonObject? info)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var sentence in MemoryExtractor.Statements(text))
        {
            tenant.Memories.Add(new StoredMemory
            {
                Id = Guid.NewGuid().ToString(),
                IsPreference = false,
                UserId = userId,
                AgentId = agentId,
                AppId = appId,
                ConversationId = conversationId,
                Key = MemoryExtractor.Title(sentence),
                Value = "The user said: " + sentence,
                CreateTime = now,
                Tags = tags,
                Info = (JsonObject?)info?.DeepClone() ?? [],
            });
            if (MemoryExtractor.IsPreference(sentence))
            {
                tenant.Memories.Add(new StoredMemory
                {
                    Id = Guid.NewGuid().ToString(),
                    IsPreference = true,
                    UserId = userId,
                    AgentId = agentId,
                    AppId = appId,
                    ConversationId = conversationId,
                    Key = "Preference",
                    Value = sentence,
                    CreateTime = now,
                    Tags = tags,
                    Info = (JsonObject?)info?.DeepClone() ?? [],
                });
            }
        }
    }

    private static async Task SearchMemory(HttpContext context, EmulatorTenant tenant, EmulatorRequest request)
    {
        var query = request.String("query");
        var subject = request.String("user_id") ?? request.String("agent_id");
        if (string.IsNullOrWhiteSpace(query) || subject is null)
        {
            await EmulatorResponses.Error(context, 40002, string.IsNullOrWhiteSpace(query) ? "Required field is empty: query" : "Required field is empty: user_id").ConfigureAwait(false);
            return;
        }

        if (CheckIds([subject], request.String("conversation_id")) is { } idError)
        {
            await EmulatorResponses.Error(context, idError, "Identifier longer than 100 characters").ConfigureAwait(false);
            return;
        }

        var recall = Recall(tenant, request, query, subject);
        if (recall.Error is not null)
        {
            await EmulatorResponses.Error(context, 40000, "Invalid request parameters: " + recall.Error).ConfigureAwait(false);
            return;
        }

        var data = new JsonObject
        {
            ["memory_detail_list"] = new JsonArray([.. recall.Facts.Select(hit => FactJson(hit.Memory, hit.Score))]),
            ["preference_detail_list"] = new JsonArray([.. recall.Preferences.Select(hit => PreferenceJson(hit.Memory, hit.Score))]),
            ["tool_memory_detail_list"] = new JsonArray(),
            ["skill_detail_list"] = new JsonArray(),
            ["profile_detail_list"] = new JsonArray(),
            ["event_detail_list"] = new JsonArray(),
            ["preference_note"] = recall.Preferences.Count > 0 ? "Your reply must not violate any of the user's preferences." : string.Empty,
        };
        await EmulatorResponses.Success(context, data).ConfigureAwait(false);
    }

    private async Task Chat(HttpContext context, EmulatorTenant tenant, EmulatorRequest request)
    {
        var userId = request.String("user_id");
        var query = request.String("query");
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(query))
        {
            await EmulatorResponses.Error(context, 40002, string.IsNullOrWhiteSpace(userId) ? "Required field is empty: user_id" : "Required field is empty: query").ConfigureAwait(false);
            return;
        }

        if (CheckIds([userId], request.String("conversation_id")) is { } idError)
        {
            await EmulatorResponses.Error(context, idError, "Identifier longer than 100 characters").ConfigureAwait(false);
            return;
        }

        var recall = Recall(tenant, request, query, userId);
        if (recall.Error is not null)
        {
            await EmulatorResponses.Error(context, 40000, "Invalid request parameters: " + recall.Error).ConfigureAwait(false);
            return;
        }

        var remembered = recall.Facts.Concat(recall.Preferences).OrderByDescending(hit => hit.Score).Select(hit => hit.Memory.Value).ToArray();
        var answer = remembered.Length == 0
            ? "I don't remember anything about that yet."
            : "From what I remember: " + string.Join(" ", remembered.Select(v => v.EndsWith('.') ? v : v + "."));

        if (request.Boolean("add_message_on_answer") ?? true)
        {
            lock (tenant.Gate)
            {
                Remember(tenant, userId, request.String("agent_id"), request.String("app_id"), request.String("conversation_id") ?? "default_session", query, request.Strings("tags"), null);
            }
        }

        if (request.Boolean("stream") == true)
        {
            await EmulatorResponses.TextStream(context, Tokens(answer)).ConfigureAwait(false);
            return;
        }

        await EmulatorResponses.Success(context, new JsonObject { ["response"] = answer }).ConfigureAwait(false);
    }

    private static IEnumerable<string> Tokens(string answer)
    {
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            yield return i < words.Length - 1 ? words[i] + " " : words[i];
        }
    }

    private static Recall Recall(EmulatorTenant tenant, EmulatorRequest request, string query, string subject)
    {
        var filter = FilterEvaluator.Compile(request.Body["filter"], out var filterError);
        var memoryLimit = (int)(request.Number("memory_limit_number") ?? DefaultRecall);
        var preferenceLimit = (int)(request.Number("preference_limit_number") ?? DefaultRecall);
        if (filterError is not null)
        {
            return new([], [], filterError);
        }

        if (memoryLimit is < 1 or > MaxRecall || preferenceLimit is < 1 or > MaxRecall)
        {
            return new([], [], "limits must be between 1 and 25");
        }

        var threshold = request.Number("relativity") ?? DefaultRelativity;
        var includePreferences = request.Boolean("include_preference") ?? true;
        List<StoredMemory> candidates;
        lock (tenant.Gate)
        {
            candidates = tenant.Memories.Where(m => (m.UserId == subject || m.AgentId == subject) && filter(m)).ToList();
        }

        var scored = candidates
            .Select(m => (Memory: m, Score: RelevanceScorer.Score(query, m.Key + " " + m.Value)))
            .Where(hit => threshold <= 0 || hit.Score >= threshold)
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Memory.CreateTime)
            .ToList();
        var facts = scored.Where(hit => !hit.Memory.IsPreference).Take(memoryLimit).ToList();
        var preferences = includePreferences ? scored.Where(hit => hit.Memory.IsPreference).Take(preferenceLimit).ToList() : [];
        return new(facts, preferences, null);
    }

    private static JsonObject FactJson(StoredMemory memory, double score) => new()
    {
        ["id"] = memory.Id,
        ["memory_key"] = memory.Key,
        ["memory_value"] = memory.Value,
        ["memory_type"] = "LongTermMemory",
        ["create_time"] = memory.CreateTime,
        ["update_time"] = memory.CreateTime,
        ["conversation_id"] = memory.ConversationId,
        ["status"] = "activated",
        ["confidence"] = 0.99,
        ["tags"] = new JsonArray([.. memory.Tags.Select(t => (JsonNode?)t)]),
        ["relativity"] = score,
    };

    private static JsonObject PreferenceJson(StoredMemory memory, double score) => new()
    {
        ["id"] = memory.Id,
        ["preference_type"] = memory.PreferenceType,
        ["preference"] = memory.Value,
        ["reasoning"] = "The user stated this directly.",
        ["create_time"] = memory.CreateTime,
        ["update_time"] = memory.CreateTime,
        ["conversation_id"] = memory.ConversationId,
        ["status"] = "activated",
        ["relativity"] = score,
    };
}
