using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>add/message, search/memory, get/memory, get/memory/{id}, update/memory and delete/memory.</summary>
internal static class MemoryRoutes
{

    private static readonly HashSet<string> Statuses = ["activated", "resolving", "archived", "deleted"];

    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes)
    {
        routes["add/message"] = AddMessage;
        routes["search/memory"] = SearchMemory;
        routes["get/memory"] = GetMemory;
        routes["GET get/memory/{id}"] = GetMemoryById;
        routes["update/memory"] = UpdateMemory;
        routes["delete/memory"] = DeleteMemory;
    }

    internal static string MessageText(JsonNode? content) => content switch
    {
        JsonArray parts => string.Join(
            " ",
            parts.OfType<JsonObject>().Select(part => part["text"]?.ToString()).Where(text => text is not null)),
        null => string.Empty,
        _ => content.ToString(),
    };

    private static bool HasMedia(JsonNode? content)
        => content is JsonArray parts
            && parts.OfType<JsonObject>().Any(part => part["type"]?.ToString() is "image_url" or "file");

    private static Task AddMessage(EmulatorCall call)
    {
        var request = call.Request;
        var userIds = request.Strings("user_id");
        var agentIds = request.Strings("agent_id");
        var conversationId = request.String("conversation_id") ?? "default_session";
        var messages = request.Body["messages"] as JsonArray;
        var texts = messages?.OfType<JsonObject>().Select(m => (Role: m["role"]?.ToString() ?? "user", RoleId: m[
            "role_id"]?.ToString(), Text: MessageText(m["content"]), ChatTime: m["chat_time"]?
                .ToString(), Media: HasMedia(m["content"]))).ToArray() ?? [];
        if (call.Invalid(
                out var error,
                (userIds.Count == 0 && agentIds.Count == 0, MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: user_id"),
                (userIds.Concat(agentIds).Any(id => id.Length > MemOSLimits.MaxIdLength), MemOSErrorCodes
                    .UserIdTooLong, "user_id is longer than 100 characters"),
                (conversationId.Length > MemOSLimits.MaxIdLength, MemOSErrorCodes
                    .ConversationIdTooLong, "conversation_id is longer than 100 characters"),
                (texts.Length == 0, MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: messages"),
                (TokenCount.OfMessages(texts.Select(t => t.Text)) > TokenCount.RequestLimit, MemOSErrorCodes
                    .MessagesTooLong, "The messages are longer than the per-request limit")))
        {
            return error;
        }

        var owner = userIds.Count > 0 ? userIds[0] : agentIds[0];
        var taskId = EmulatorCall.NewId();
        lock (call.Tenant.Gate)
        {
            var facts = new List<string>();
            var preferences = new List<string>();
            foreach (var (role, roleId, text, chatTime, _) in texts)
            {
                var speaker = roleId is not null && userIds.Contains(roleId) ? roleId : owner;
                call.Tenant.Messages.Add((speaker, conversationId, role, text, chatTime, call.Now));
                if (role == "user")
                {
                    var (f, p) = MemoryStore.Remember(
                        call.Tenant,
                        call.Now,
                        speaker,
                        agentIds.Count > 0 ? agentIds[0] : null,
                        request.String("app_id"),
                        conversationId,
                        text,
                        request.Strings("tags"),
                        request.Body["info"] as JsonObject);
                    facts.AddRange(f);
                    preferences.AddRange(p);
                }
            }

            call.Tenant.Tasks[taskId] = new EmulatorTask { FactIds = facts, PreferenceIds = preferences };
        }

        // Media is always processed asynchronously, whatever async_mode says.
        var asynchronous = (request.Boolean("async_mode") ?? true) || texts.Any(t => t.Media);
        return call.Ok(new JsonObject
        {
            ["success"] = true,
            ["task_id"] = taskId,
            ["status"] = asynchronous ? "running" : "completed",
        });
    }

    private static Task SearchMemory(EmulatorCall call)
    {
        var request = call.Request;
        var query = request.String("query");
        var subject = request.String("user_id") ?? request.String("agent_id");
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(query), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: query"),
                (subject is null, MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: user_id"),
                (subject is { Length: > MemOSLimits.MaxIdLength }, MemOSErrorCodes
                    .UserIdTooLong, "user_id is longer than 100 characters"),
                (request.IsLongId("conversation_id"), MemOSErrorCodes
                    .ConversationIdTooLong, "conversation_id is longer than 100 characters")))
        {
            return error;
        }

        var (facts, preferences, invalid) = MemoryStore.Recall(call.Tenant, request, query!, subject!);
        if (invalid is not null)
        {
            return call.Error(MemOSErrorCodes.InvalidParameters, "Invalid request parameters: " + invalid);
        }

        return call.Ok(new JsonObject
        {
            ["memory_detail_list"] = new JsonArray(
                [.. facts.Select(hit => MemoryStore.FactJson(hit.Memory, hit.Score))]),
            ["preference_detail_list"] = new JsonArray(
                [.. preferences.Select(hit => MemoryStore.PreferenceJson(hit.Memory, hit.Score))]),
            ["tool_memory_detail_list"] = new JsonArray(),
            ["skill_detail_list"] = new JsonArray(),
            ["profile_detail_list"] = request.Strings("include_memory_view").Contains("profile")
                ? ProfileRoutes.SearchDetails(call.Tenant, subject!, query!)
                : new JsonArray(),
            ["event_detail_list"] = new JsonArray(),
            ["preference_note"] = preferences.Count > 0
                ? "Your reply must not violate any of the user's preferences."
                : string.Empty,
        });
    }

    private static Task GetMemory(EmulatorCall call)
    {
        var request = call.Request;
        var userId = request.String("user_id");
        var agentId = request.String("agent_id");
        var page = (int)(request.Number("page") ?? 1);
        var size = (int)(request.Number("size") ?? 10);
        var filter = FilterEvaluator.Compile(request.Body["filter"], out var filterError);
        if (call.Invalid(
                out var error,
                (userId is null && agentId is null, MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: user_id"),
                (userId is not null && agentId is not null, MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: give user_id or agent_id, not both"),
                (page < 1 || size is < 1 or > MemOSLimits.MaxPageSize, MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: page from 1, size 1 to 50"),
                (filterError is not null, MemOSErrorCodes.InvalidParameters, "Invalid request parameters: "
                    + filterError)))
        {
            return error;
        }

        var subject = (userId ?? agentId)!;
        var views = request.Strings("include_memory_view");
        List<StoredMemory> facts, preferences;
        lock (call.Tenant.Gate)
        {
            var mine = call.Tenant.Memories.Where(
                m => (userId is not null ? m.UserId == userId : m.AgentId == agentId) && filter(m)).OrderByDescending(
                    m => m.CreateTime).ToList();
            facts = views.Count == 0 || views.Contains("detail_factual")
                ? mine.Where(m => !m.IsPreference).ToList()
                : [];
            preferences = (request.Boolean("include_preference") ?? true)
                && (views.Count == 0 || views.Contains("preference")) ? mine.Where(m => m.IsPreference).ToList() : [];
        }

        var profiles = views.Count == 0 || views.Contains("profile")
            ? ProfileRoutes.Instances(call.Tenant, subject)
            : [];
        var total = new[] { facts.Count, preferences.Count, profiles.Count }.Max();
        return call.Ok(new JsonObject
        {
            ["memory_detail_list"] = new JsonArray(
                [.. facts.Skip((page - 1) * size).Take(size).Select(m => MemoryStore.FactJson(m, null))]),
            ["preference_detail_list"] = new JsonArray(
                [.. preferences.Skip((page - 1) * size).Take(size).Select(m => MemoryStore.PreferenceJson(m, null))]),
            ["tool_memory_detail_list"] = new JsonArray(),
            ["skill_detail_list"] = new JsonArray(),
            ["profile_detail_list"] = new JsonArray([.. profiles.Skip((page - 1) * size).Take(size)]),
            ["event_detail_list"] = new JsonArray(),
            ["total"] = total,
            ["size"] = size,
            ["current"] = page,
            ["pages"] = Math.Max(1, (total + size - 1) / size),
        });
    }

    private static Task GetMemoryById(EmulatorCall call)
    {
        var id = Uri.UnescapeDataString(
            call.Context.Request.Path.Value![(call.Context.Request.Path.Value!.LastIndexOf('/') + 1)..]);
        StoredMemory? memory;
        lock (call.Tenant.Gate)
        {
            memory = call.Tenant.Memories.FirstOrDefault(m => m.Id == id);
        }

        if (memory is null)
        {
            return call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
        }

        return call.Ok(new JsonObject
        {
            ["id"] = memory.Id,
            ["memory_view"] = memory.IsPreference ? "preference" : "detail_factual",
            ["title"] = memory.Key,
            ["content"] = memory.Value,
            ["conversation_id"] = memory.ConversationId,
            ["message_ids"] = new JsonArray(),
            ["status"] = memory.Status,
            ["algorithm_updatable"] = true,
            ["created_at"] = DateTimeOffset.FromUnixTimeMilliseconds(memory.CreateTime)
                .ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["updated_at"] = DateTimeOffset.FromUnixTimeMilliseconds(memory.UpdateTime)
                .ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["user_id"] = memory.UserId,
            ["agent_id"] = memory.AgentId,
            ["tags"] = new JsonArray([.. memory.Tags.Select(t => (JsonNode?)t)]),
            ["info"] = memory.Info.DeepClone(),
        });
    }

    private static Task UpdateMemory(EmulatorCall call)
    {
        var request = call.Request;
        var id = request.String("memory_id");
        var content = request.String("content");
        var title = request.String("title");
        var status = request.String("status");
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(id), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: memory_id"),
                (content is null && title is null && status is null, MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: content, title or status"),
                (status is not null && !Statuses.Contains(status), MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: unknown status")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            var memory = call.Tenant.Memories.FirstOrDefault(m => m.Id == id);
            if (memory is null)
            {
                return call.Error(MemOSErrorCodes.MemoryNotFound, "The memory to update does not exist");
            }

            memory.Value = content ?? memory.Value;
            memory.Key = title ?? memory.Key;
            memory.Status = status ?? memory.Status;
            memory.UpdateTime = call.Now;
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }

    private static Task DeleteMemory(EmulatorCall call)
    {
        var request = call.Request;
        var ids = request.Body["memory_ids"] is JsonArray ? request.Strings("memory_ids") : null;
        var userId = request.String("user_id");
        var agentId = request.String("agent_id");
        var filterNode = request.Body["filter"];
        var modes = new object?[] { ids, userId, agentId, filterNode }.Count(m => m is not null);
        var filter = FilterEvaluator.Compile(filterNode, out var filterError);
        if (call.Invalid(
                out var error,
                (modes != 1, MemOSErrorCodes.InvalidParameters, "Invalid request parameters: give exactly one of "
                    + "memory_ids, user_id, agent_id or filter"),
                (ids is { Count: 0 }, MemOSErrorCodes.FieldEmpty, "Field is empty: memory_ids"),
                (filterError is not null, MemOSErrorCodes.InvalidParameters, "Invalid request parameters: "
                    + filterError)))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            Func<StoredMemory, bool> doomed = ids is not null ? m => ids.Contains(m.Id)
                : userId is not null ? m => m.UserId == userId
                : agentId is not null ? m => m.AgentId == agentId
                : filter;
            if (!call.Tenant.Memories.Any(doomed))
            {
                return userId is not null
                    ? call.Error(MemOSErrorCodes.UserNotFound, "The user of the memories to delete does not exist")
                    : call.Error(MemOSErrorCodes.MemoryNotFound, "The memory to delete does not exist");
            }

            call.Tenant.Memories.RemoveAll(m => doomed(m));
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }
}
