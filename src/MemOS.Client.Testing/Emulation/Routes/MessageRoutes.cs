using System.Globalization;
using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>get/message, add/feedback and get/status.</summary>
internal static class MessageRoutes
{
    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes)
    {
        routes["get/message"] = GetMessage;
        routes["add/feedback"] = AddFeedback;
        routes["get/status"] = GetStatus;
    }

    private static Task GetMessage(EmulatorCall call)
    {
        var request = call.Request;
        var userId = request.String("user_id");
        var conversationId = request.String("conversation_id");
        var limit = (int)(request.Number("message_limit_number") ?? 6);
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(userId), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: user_id"),
                (string.IsNullOrWhiteSpace(conversationId), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: conversation_id"),
                (limit is < 1 or > MemOSLimits.MaxPageSize, MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: message_limit_number is 1 to 50")))
        {
            return error;
        }

        JsonObject[] messages;
        lock (call.Tenant.Gate)
        {
            // The most recent messages, oldest first, as the service documents for its open-source server.
            messages = call.Tenant.Messages
                .Where(m => m.UserId == userId && m.ConversationId == conversationId)
                .TakeLast(limit)
                .Select(m =>
                {
                    var time = DateTimeOffset.FromUnixTimeMilliseconds(m.Time).ToOffset(TimeSpan.FromHours(8))
                        .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    var detail = new JsonObject
                    {
                        ["role"] = m.Role,
                        ["content"] = m.Content,
                        ["create_time"] = time,
                        ["update_time"] = time,
                    };

                    // The time the message was written with, kept as sent, so an export can carry it back.
                    if (m.ChatTime is not null)
                    {
                        detail["chat_time"] = m.ChatTime;
                    }

                    return detail;
                })
                .ToArray();
        }

        return call.Ok(new JsonObject { ["message_detail_list"] = new JsonArray([.. messages]) });
    }

    private static Task AddFeedback(EmulatorCall call)
    {
        var request = call.Request;
        var userId = request.String("user_id");
        var feedback = request.String("feedback_content");
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(userId), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: user_id"),
                (string.IsNullOrWhiteSpace(feedback), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: feedback_content"),
                (request.IsLongId("conversation_id"), MemOSErrorCodes
                    .ConversationIdTooLong, "conversation_id is longer than 100 characters")))
        {
            return error;
        }

        var taskId = EmulatorCall.NewId();
        lock (call.Tenant.Gate)
        {
            // Feedback is remembered as what the user stated; the service reconciles it with older memories.
            var (facts, preferences) = MemoryStore.Remember(
                call.Tenant,
                call.Now,
                userId!,
                request.String("agent_id"),
                request.String("app_id"),
                request.String("conversation_id") ?? "default_session",
                feedback!,
                [],
                null);
            call.Tenant.Tasks[taskId] = new EmulatorTask { FactIds = facts, PreferenceIds = preferences };
        }

        return call.Ok(new JsonObject { ["success"] = true, ["status"] = "running", ["task_id"] = taskId });
    }

    private static Task GetStatus(EmulatorCall call)
    {
        var taskId = call.Request.String("task_id");
        if (string.IsNullOrWhiteSpace(taskId))
        {
            return call.Error(MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: task_id");
        }

        EmulatorTask? task;
        lock (call.Tenant.Gate)
        {
            if (call.Tenant.Tasks.TryGetValue(taskId, out task))
            {
                task.Polls++;
            }
        }

        if (task is null)
        {
            return call.Error(MemOSErrorCodes.TaskNotFound, "Task not found");
        }

        var data = new JsonObject { ["task_id"] = taskId, ["status"] = task.Polls <= 1 ? "running" : "completed" };
        if (task.Polls > 1 && task.FactIds.Count + task.PreferenceIds.Count > 0)
        {
            var views = new JsonObject
            {
                ["added"] = task.FactIds.Count + task.PreferenceIds.Count,
                ["updated"] = 0,
                ["deleted"] = 0,
            };
            if (task.FactIds.Count > 0)
            {
                views["detail_factual"] = new JsonObject
                {
                    ["memory_ids"] = new JsonArray([.. task.FactIds.Select(id => (JsonNode?)id)]),
                };
            }

            if (task.PreferenceIds.Count > 0)
            {
                views["preference"] = new JsonObject
                {
                    ["memory_ids"] = new JsonArray([.. task.PreferenceIds.Select(id => (JsonNode?)id)]),
                };
            }

            data["memory_views"] = views;
        }

        return call.Ok(data);
    }
}
