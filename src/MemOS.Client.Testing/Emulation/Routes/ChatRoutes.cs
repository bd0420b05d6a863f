using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>chat: a deterministic answer from the recalled memories, whole or streamed word by word.</summary>
internal static class ChatRoutes
{
    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes) => routes["chat"] = Chat;

    private static Task Chat(EmulatorCall call)
    {
        var request = call.Request;
        var userId = request.String("user_id");
        var query = request.String("query");
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(userId), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: user_id"),
                (string.IsNullOrWhiteSpace(query), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: query"),
                (userId is { Length: > MemOSLimits.MaxIdLength }, MemOSErrorCodes
                    .UserIdTooLong, "user_id is longer than 100 characters"),
                (request.IsLongId("conversation_id"), MemOSErrorCodes
                    .ConversationIdTooLong, "conversation_id is longer than 100 characters"),
                (TokenCount.Of(query) + TokenCount.Of(request.String("system_prompt")) > TokenCount
                    .ChatLimit, MemOSErrorCodes.InputTooLong, "The input exceeds the single-request token limit")))
        {
            return error;
        }

        var (facts, preferences, invalid) = MemoryStore.Recall(call.Tenant, request, query!, userId!);
        if (invalid is not null)
        {
            return call.Error(MemOSErrorCodes.InvalidParameters, "Invalid request parameters: " + invalid);
        }

        var remembered = facts.Concat(preferences).OrderByDescending(hit => hit.Score).Select(hit => hit.Memory.Value)
            .ToArray();
        var answer = remembered.Length == 0
            ? "I don't remember anything about that yet."
            : "From what I remember: " + string.Join(" ", remembered.Select(v => v.EndsWith('.') ? v : v + "."));

        if (request.Boolean("add_message_on_answer") ?? true)
        {
            var conversationId = request.String("conversation_id") ?? "default_session";
            lock (call.Tenant.Gate)
            {
                call.Tenant.Messages.Add((userId!, conversationId, "user", query!, null, call.Now));
                call.Tenant.Messages.Add((userId!, conversationId, "assistant", answer, null, call.Now));
                MemoryStore.Remember(
                    call.Tenant,
                    call.Now,
                    userId!,
                    request.String("agent_id"),
                    request.String("app_id"),
                    conversationId,
                    query!,
                    request.Strings("tags"),
                    request.Body["info"] as JsonObject);
            }
        }

        return request.Boolean("stream") == true
            ? EmulatorResponses.TextStream(call.Context, Words(answer), call.Fault?.CutAfterEvents)
            : call.Ok(new JsonObject { ["response"] = answer });
    }

    private static IEnumerable<string> Words(string answer)
    {
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            yield return i < words.Length - 1 ? words[i] + " " : words[i];
        }
    }
}
