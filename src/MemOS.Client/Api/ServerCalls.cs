using System.Text.Json;
using MemOS.Client.Server;
using static MemOS.Client.Api.AnswerShape;
using GenAI = MemOS.Client.Telemetry.GenAIMemoryOperation;
using SelfHosted = MemOS.Client.Api.IMemOSServerApi;

namespace MemOS.Client.Api;

/// <summary>
/// Every route of the self-hosted server as <see cref="MemOSServerClient"/> sends it, one row each, laid out as
/// <see cref="CloudCalls"/>' rows are: the route's facts, how its answer's data is read, the method of
/// <see cref="IMemOSServerApi"/> that sends it, and how the data becomes the result.
/// </summary>
internal static class ServerCalls
{
    private static readonly ServerJsonContext Json = ServerJsonContext.Default;

    // The server ends its stream by closing the connection, with no end event; a JSON body is never its answer.
    public static readonly ApiStream<SelfHosted, ServerChatRequest> ChatStream = new(
        new(SelfHosted.ChatStream, Repeatable: false, Envelope, DataRequired: false, GenAI.Chat),
        static (api, request, headers, call, token) => api.ChatStreamAsync(request, headers, call, token),
        jsonAnswer: null);

    // Its answer is {message, data}, with no code on success.
    public static readonly ApiCall<SelfHosted, ServerChatRequest, ServerChatCompleteResult, ServerChatCompleteResult>
        ChatComplete = new(
        new(SelfHosted.ChatComplete, Repeatable: false, CodeOptional, DataRequired: true, GenAI.Chat),
        Json.ServerChatCompleteResult,
        static (api, request, headers, call, token) => api.ChatCompleteAsync(request, headers, call, token),
        Finish.Data);

    public static readonly ApiCall<SelfHosted, ServerAddMemoryRequest, JsonElement, ServerResult> AddMemory = new(
        new(SelfHosted.AddMemory, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.AddMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<SelfHosted, ServerSearchMemoryRequest, JsonElement, ServerResult> SearchMemory = new(
        new(SelfHosted.SearchMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Search),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.SearchMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<SelfHosted, ServerGetMemoryRequest, JsonElement, ServerResult> GetMemory = new(
        new(SelfHosted.GetMemory, Repeatable: true, Envelope, DataRequired: false),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.GetMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<SelfHosted, string, JsonElement, ServerResult> GetMemoryById = new(
        new(SelfHosted.GetMemoryById, Repeatable: true, Envelope, DataRequired: false),
        Json.JsonElement,
        static (api, id, headers, call, token) => api.GetMemoryByIdAsync(id, headers, call, token),
        Result,
        check: static id => Guard.PathSegment(id, "memory_id"));

    public static readonly ApiCall<SelfHosted, ServerDeleteMemoryRequest, JsonElement, ServerResult> DeleteMemory = new(
        new(SelfHosted.DeleteMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Delete),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.DeleteMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<SelfHosted, ServerFeedbackRequest, JsonElement, ServerResult> AddFeedback = new(
        new(SelfHosted.AddFeedback, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.AddFeedbackAsync(request, headers, call, token),
        Result);

    // The server documents no payloads for these routes: its data is handed over whole.
    private static ServerResult Result<TRequest>(JsonElement data, TRequest request) => new() { Data = data };
}
