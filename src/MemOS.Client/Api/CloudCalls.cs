using System.Text.Json;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Serialization;
using MemOS.Client.Tasks;

namespace MemOS.Client.Api;

/// <summary>
/// Each method of <see cref="IMemOSCloudApi"/> with its row of <see cref="RouteTable"/>, how its
/// request is checked, and how its answer's data becomes the result <see cref="MemOSClient"/> returns.
/// </summary>
internal static class CloudCalls
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;

    public static readonly ApiCall<IMemOSCloudApi, AddMessageRequest, AddMessageResult, AddMessageResult>
        AddMessage = new(
        RouteTable.AddMessage,
        Json.AddMessageResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddMessageAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, SearchMemoryRequest, SearchMemoryResult, SearchMemoryResult>
        SearchMemory = new(
        RouteTable.SearchMemory,
        Json.SearchMemoryResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.SearchMemoryAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, ChatRequest, ChatResult, ChatResult> Chat = new(
        RouteTable.Chat,
        Json.ChatResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ChatAsync(request with { Stream = false }, headers, call, token),
        static (data, _) => data);

    public static readonly ApiStream<IMemOSCloudApi, ChatRequest> ChatStream = new(
        RouteTable.Chat,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ChatStreamAsync(request with { Stream = true }, headers, call, token),
        Json.ChatResult);

    public static readonly ApiCall<IMemOSCloudApi, GetMemoryRequest, GetMemoryResult, GetMemoryResult> GetMemory = new(
        RouteTable.GetMemory,
        Json.GetMemoryResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetMemoryAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, string, GetMemoryByIdResult, GetMemoryByIdResult>
        GetMemoryById = new(
        RouteTable.GetMemoryById,
        Json.GetMemoryByIdResult,
        static id => Guard.PathSegment(id, "memory_id"),
        static (api, id, headers, call, token) => api.GetMemoryByIdAsync(id, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, UpdateMemoryRequest, SuccessResult, SuccessResult>
        UpdateMemory = new(
        RouteTable.UpdateMemory,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.UpdateMemoryAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, DeleteMemoryRequest, SuccessResult, SuccessResult>
        DeleteMemory = new(
        RouteTable.DeleteMemory,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteMemoryAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, GetMessageRequest, GetMessageResult, GetMessageResult>
        GetMessage = new(
        RouteTable.GetMessage,
        Json.GetMessageResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetMessageAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, AddFeedbackRequest, AddFeedbackResult, AddFeedbackResult>
        AddFeedback = new(
        RouteTable.AddFeedback,
        Json.AddFeedbackResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddFeedbackAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    // Older answers wrap the status in a one-element list without the task id.
    public static readonly ApiCall<IMemOSCloudApi, GetStatusRequest, JsonElement, TaskStatusResult> GetStatus = new(
        RouteTable.GetStatus,
        Json.JsonElement,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetStatusAsync(request, headers, call, token),
        static (data, request) => OneOrList.Read(data, Json.TaskStatusResult) is [var status, ..]
            ? status with { TaskId = status.TaskId ?? request.TaskId }
            : null);

    public static readonly ApiCall<IMemOSCloudApi, ExtractMemoryRequest, ExtractMemoryResult, ExtractMemoryResult>
        ExtractMemory = new(
        RouteTable.ExtractMemory,
        Json.ExtractMemoryResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ExtractMemoryAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, RerankRequest, RerankResult, RerankResult> Rerank = new(
        RouteTable.Rerank,
        Json.RerankResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.RerankAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, CreateKnowledgeBaseRequest, CreateKnowledgeBaseResult,
        CreateKnowledgeBaseResult> CreateKnowledgeBase = new(
        RouteTable.CreateKnowledgeBase,
        Json.CreateKnowledgeBaseResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.CreateKnowledgeBaseAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, DeleteKnowledgeBaseRequest, SuccessResult, SuccessResult>
        DeleteKnowledgeBase = new(
        RouteTable.DeleteKnowledgeBase,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteKnowledgeBaseAsync(request, headers, call, token),
        Succeeded);

    // The answer is one file's object in one service version and a list in another.
    public static readonly ApiCall<IMemOSCloudApi, AddKnowledgeBaseFileRequest, JsonElement,
        IReadOnlyList<KnowledgeBaseFileInfo>> AddKnowledgeBaseFile = new(
        RouteTable.AddKnowledgeBaseFile,
        Json.JsonElement,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddKnowledgeBaseFileAsync(request, headers, call, token),
        static (data, _) => OneOrList.Read(data, Json.KnowledgeBaseFileInfo));

    // The files are checked against the upload limits before the parts are built.
    public static readonly ApiCall<IMemOSCloudApi, UploadRequest, JsonElement, IReadOnlyList<KnowledgeBaseFileInfo>>
        UploadKnowledgeBaseFiles = new(
        RouteTable.AddKnowledgeBaseFile,
        Json.JsonElement,
        static _ => { },
        static (api, request, headers, call, token)
            => api.UploadKnowledgeBaseFilesAsync(
                request.KnowledgeBaseId, request.Type, request.Parts, headers, call, token),
        static (data, _) => OneOrList.Read(data, Json.KnowledgeBaseFileInfo));

    public static readonly ApiCall<IMemOSCloudApi, GetKnowledgeBaseFileRequest, GetKnowledgeBaseFileResult,
        GetKnowledgeBaseFileResult> GetKnowledgeBaseFile = new(
        RouteTable.GetKnowledgeBaseFile,
        Json.GetKnowledgeBaseFileResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetKnowledgeBaseFileAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, DeleteKnowledgeBaseFileRequest, SuccessResult, SuccessResult>
        DeleteKnowledgeBaseFile = new(
        RouteTable.DeleteKnowledgeBaseFile,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteKnowledgeBaseFileAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, BindProfileTemplateRequest, SuccessResult, SuccessResult>
        BindProfileTemplate = new(
        RouteTable.BindProfileTemplate,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.BindProfileTemplateAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, EditProfileRequest, SuccessResult, SuccessResult> EditProfile = new(
        RouteTable.EditProfile,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.EditProfileAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, DeleteProfileRequest, SuccessResult, SuccessResult>
        DeleteProfile = new(
        RouteTable.DeleteProfile,
        Json.SuccessResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteProfileAsync(request, headers, call, token),
        Succeeded);

    public static readonly ApiCall<IMemOSCloudApi, AddProfileTemplateRequest, AddProfileTemplateResult,
        AddProfileTemplateResult> AddProfileTemplate = new(
        RouteTable.AddProfileTemplate,
        Json.AddProfileTemplateResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.AddProfileTemplateAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, ListProfileTemplatesRequest, ListProfileTemplatesResult,
        ListProfileTemplatesResult> ListProfileTemplates = new(
        RouteTable.ListProfileTemplates,
        Json.ListProfileTemplatesResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.ListProfileTemplatesAsync(request, headers, call, token),
        static (data, _) => data ?? new());

    public static readonly ApiCall<IMemOSCloudApi, ProfileTemplateIdRequest, GetProfileTemplateResult, ProfileTemplate>
        GetProfileTemplate = new(
        RouteTable.GetProfileTemplate,
        Json.GetProfileTemplateResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.GetProfileTemplateAsync(request, headers, call, token),
        static (data, _) => data?.ProfileTemplate);

    public static readonly ApiCall<IMemOSCloudApi, UpdateProfileTemplateRequest, UpdateProfileTemplateResult,
        UpdateProfileTemplateResult> UpdateProfileTemplate = new(
        RouteTable.UpdateProfileTemplate,
        Json.UpdateProfileTemplateResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.UpdateProfileTemplateAsync(request, headers, call, token),
        static (data, _) => data);

    public static readonly ApiCall<IMemOSCloudApi, ProfileTemplateIdRequest, DeleteProfileTemplateResult,
        DeleteProfileTemplateResult> DeleteProfileTemplate = new(
        RouteTable.DeleteProfileTemplate,
        Json.DeleteProfileTemplateResult,
        static request => Checked(request).Validate(),
        static (api, request, headers, call, token)
            => api.DeleteProfileTemplateAsync(request, headers, call, token),
        static (data, _) => data);

    /// <summary>The request, which must be given.</summary>
    public static T Checked<T>(T? request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        return request;
    }

    // A success envelope without data reports success.
    private static SuccessResult Succeeded<TRequest>(SuccessResult? data, TRequest request)
        => data ?? new SuccessResult { Success = true };
}
