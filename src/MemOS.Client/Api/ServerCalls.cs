using System.Text.Json;
using MemOS.Client.Server;

namespace MemOS.Client.Api;

/// <summary>
/// Each method of <see cref="IMemOSServerApi"/> with its row of <see cref="RouteTable"/>, how its
/// request is checked, and how its answer's data becomes the result <see cref="MemOSServerClient"/> returns.
/// </summary>
internal static class ServerCalls
{
    private static readonly ServerJsonContext Json = ServerJsonContext.Default;

    // The server ends its stream by closing the connection, with no end event; a JSON body is never its answer.
    public static readonly ApiStream<IMemOSServerApi, ServerChatRequest> ChatStream = new(
        RouteTable.ServerChatStream,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ChatStreamAsync(request, headers, call, token),
        JsonAnswer: null);

    public static readonly ApiCall<IMemOSServerApi, ServerChatRequest, ServerChatCompleteResult,
        ServerChatCompleteResult> ChatComplete = new(
        RouteTable.ServerChatComplete,
        Json.ServerChatCompleteResult,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ChatCompleteAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSServerApi, ServerAddMemoryRequest, JsonElement, ServerResult> AddMemory = new(
        RouteTable.ServerAdd,
        Json.JsonElement,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<IMemOSServerApi, ServerSearchMemoryRequest, JsonElement, ServerResult>
        SearchMemory = new(
        RouteTable.ServerSearch,
        Json.JsonElement,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.SearchMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<IMemOSServerApi, ServerGetMemoryRequest, JsonElement, ServerResult> GetMemory = new(
        RouteTable.ServerGetMemory,
        Json.JsonElement,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<IMemOSServerApi, string, JsonElement, ServerResult> GetMemoryById = new(
        RouteTable.ServerGetMemoryById,
        Json.JsonElement,
        static id => Guard.PathSegment(id, "memory_id"),
        static (api, id, headers, call, token) => api.GetMemoryByIdAsync(id, headers, call, token),
        Result);

    public static readonly ApiCall<IMemOSServerApi, ServerDeleteMemoryRequest, JsonElement, ServerResult>
        DeleteMemory = new(
        RouteTable.ServerDeleteMemory,
        Json.JsonElement,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteMemoryAsync(request, headers, call, token),
        Result);

    public static readonly ApiCall<IMemOSServerApi, ServerFeedbackRequest, JsonElement, ServerResult> AddFeedback = new(
        RouteTable.ServerFeedback,
        Json.JsonElement,
        static request => CloudCalls.Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddFeedbackAsync(request, headers, call, token),
        Result);

    private static ServerResult Result<TRequest>(JsonElement data, TRequest request) => new() { Data = data };
}
