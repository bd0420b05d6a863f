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
using static MemOS.Client.Api.AnswerShape;
using Cloud = MemOS.Client.Api.IMemOSCloudApi;
using GenAI = MemOS.Client.Telemetry.GenAIMemoryOperation;

namespace MemOS.Client.Api;

/// <summary>
/// Every route of the cloud API as <see cref="MemOSClient"/> sends it, one row each: the route's facts (the one place
/// that says whether it may be repeated after a failure, how its answer is laid out and what telemetry calls it),
/// how its answer's data is read, the method of <see cref="IMemOSCloudApi"/> that sends it, and how the data becomes
/// the result. A request checks itself (<see cref="IValidatedRequest"/>) unless its row gives a check.
/// </summary>
internal static class CloudCalls
{
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;

    // Messages and feedback create memories or change existing ones (the service decides which): upserts, never
    // repeated.
    public static readonly ApiCall<Cloud, AddMessageRequest, AddMessageResult, AddMessageResult> AddMessage = new(
        new(Cloud.AddMessage, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert),
        Json.AddMessageResult,
        static (api, request, headers, call, token) => api.AddMessageAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, SearchMemoryRequest, SearchMemoryResult, SearchMemoryResult> SearchMemory
        = new(
        new(Cloud.SearchMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Search),
        Json.SearchMemoryResult,
        static (api, request, headers, call, token) => api.SearchMemoryAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, ChatRequest, ChatResult, ChatResult> Chat = new(
        new(Cloud.Chat, Repeatable: false, Envelope, DataRequired: true, GenAI.Chat),
        Json.ChatResult,
        static (api, request, headers, call, token)
            => api.ChatAsync(request with { Stream = false }, headers, call, token),
        Finish.Data);

    public static readonly ApiStream<Cloud, ChatRequest> ChatStream = new(
        Chat.Route,
        static (api, request, headers, call, token)
            => api.ChatStreamAsync(request with { Stream = true }, headers, call, token),
        Json.ChatResult);

    public static readonly ApiCall<Cloud, GetMemoryRequest, GetMemoryResult, GetMemoryResult> GetMemory = new(
        new(Cloud.GetMemory, Repeatable: true, Envelope, DataRequired: false),
        Json.GetMemoryResult,
        static (api, request, headers, call, token) => api.GetMemoryAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, string, GetMemoryByIdResult, GetMemoryByIdResult> GetMemoryById = new(
        new(Cloud.GetMemoryById, Repeatable: true, Envelope, DataRequired: true),
        Json.GetMemoryByIdResult,
        static (api, id, headers, call, token) => api.GetMemoryByIdAsync(id, headers, call, token),
        Finish.Data,
        check: static id => Guard.PathSegment(id, "memory_id"));

    public static readonly ApiCall<Cloud, UpdateMemoryRequest, SuccessResult, SuccessResult> UpdateMemory = new(
        new(Cloud.UpdateMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Update),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.UpdateMemoryAsync(request, headers, call, token),
        Finish.Success);

    // A delete retried after an attempt that may have been applied is done when the memory is gone.
    public static readonly ApiCall<Cloud, DeleteMemoryRequest, SuccessResult, SuccessResult> DeleteMemory = new(
        new(Cloud.DeleteMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Delete, GoneMeansDone: true),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.DeleteMemoryAsync(request, headers, call, token),
        Finish.Success);

    public static readonly ApiCall<Cloud, GetMessageRequest, GetMessageResult, GetMessageResult> GetMessage = new(
        new(Cloud.GetMessage, Repeatable: true, Envelope, DataRequired: false),
        Json.GetMessageResult,
        static (api, request, headers, call, token) => api.GetMessageAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, AddFeedbackRequest, AddFeedbackResult, AddFeedbackResult> AddFeedback = new(
        new(Cloud.AddFeedback, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert),
        Json.AddFeedbackResult,
        static (api, request, headers, call, token) => api.AddFeedbackAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    // Older answers wrap the status in a one-element list without the task id.
    public static readonly ApiCall<Cloud, GetStatusRequest, JsonElement, TaskStatusResult> GetStatus = new(
        new(Cloud.GetStatus, Repeatable: true, Envelope, DataRequired: true),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.GetStatusAsync(request, headers, call, token),
        static (data, request) => OneOrList.Read(data, Json.TaskStatusResult) is [var status, ..]
            ? status with { TaskId = status.TaskId ?? request.TaskId }
            : null);

    public static readonly ApiCall<Cloud, ExtractMemoryRequest, ExtractMemoryResult, ExtractMemoryResult>
        ExtractMemory = new(
        new(Cloud.ExtractMemory, Repeatable: true, Envelope, DataRequired: true),
        Json.ExtractMemoryResult,
        static (api, request, headers, call, token) => api.ExtractMemoryAsync(request, headers, call, token),
        Finish.Data);

    // The documents show a bare body, the official client's tests an envelope: both are read.
    public static readonly ApiCall<Cloud, RerankRequest, RerankResult, RerankResult> Rerank = new(
        new(Cloud.Rerank, Repeatable: true, EnvelopeOrBare, DataRequired: true),
        Json.RerankResult,
        static (api, request, headers, call, token) => api.RerankAsync(request, headers, call, token),
        Finish.Data);

    // A knowledge base is a store of memories that searches can draw on.
    public static readonly ApiCall<Cloud, CreateKnowledgeBaseRequest, CreateKnowledgeBaseResult,
        CreateKnowledgeBaseResult> CreateKnowledgeBase = new(
        new(Cloud.CreateKnowledgeBase, Repeatable: false, Envelope, DataRequired: true, GenAI.CreateStore),
        Json.CreateKnowledgeBaseResult,
        static (api, request, headers, call, token) => api.CreateKnowledgeBaseAsync(request, headers, call, token),
        Finish.Data);

    public static readonly ApiCall<Cloud, DeleteKnowledgeBaseRequest, SuccessResult, SuccessResult>
        DeleteKnowledgeBase = new(
        new(Cloud.DeleteKnowledgeBase, Repeatable: true, Envelope, DataRequired: false, GenAI.DeleteStore),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.DeleteKnowledgeBaseAsync(request, headers, call, token),
        Finish.Success);

    // The answer is one file's object in one service version and a list in another.
    public static readonly ApiCall<Cloud, AddKnowledgeBaseFileRequest, JsonElement,
        IReadOnlyList<KnowledgeBaseFileInfo>> AddKnowledgeBaseFile = new(
        new(Cloud.AddKnowledgeBaseFile, Repeatable: false, Envelope, DataRequired: false),
        Json.JsonElement,
        static (api, request, headers, call, token) => api.AddKnowledgeBaseFileAsync(request, headers, call, token),
        static (data, _) => OneOrList.Read(data, Json.KnowledgeBaseFileInfo));

    // The same route with local files; they are checked against the upload limits before the parts are built.
    public static readonly ApiCall<Cloud, UploadRequest, JsonElement, IReadOnlyList<KnowledgeBaseFileInfo>>
        UploadKnowledgeBaseFiles = new(
        AddKnowledgeBaseFile.Route,
        Json.JsonElement,
        static (api, request, headers, call, token) => api.UploadKnowledgeBaseFilesAsync(
            request.KnowledgeBaseId, request.Type, request.Parts, headers, call, token),
        static (data, _) => OneOrList.Read(data, Json.KnowledgeBaseFileInfo),
        check: static _ => { });

    public static readonly ApiCall<Cloud, GetKnowledgeBaseFileRequest, GetKnowledgeBaseFileResult,
        GetKnowledgeBaseFileResult> GetKnowledgeBaseFile = new(
        new(Cloud.GetKnowledgeBaseFile, Repeatable: true, Envelope, DataRequired: false),
        Json.GetKnowledgeBaseFileResult,
        static (api, request, headers, call, token) => api.GetKnowledgeBaseFileAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, DeleteKnowledgeBaseFileRequest, SuccessResult, SuccessResult>
        DeleteKnowledgeBaseFile = new(
        new(Cloud.DeleteKnowledgeBaseFile, Repeatable: true, Envelope, DataRequired: false),
        Json.SuccessResult,
        static (api, request, headers, call, token)
            => api.DeleteKnowledgeBaseFileAsync(request, headers, call, token),
        Finish.Success);

    public static readonly ApiCall<Cloud, BindProfileTemplateRequest, SuccessResult, SuccessResult>
        BindProfileTemplate = new(
        new(Cloud.BindProfileTemplate, Repeatable: false, Envelope, DataRequired: false),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.BindProfileTemplateAsync(request, headers, call, token),
        Finish.Success);

    public static readonly ApiCall<Cloud, EditProfileRequest, SuccessResult, SuccessResult> EditProfile = new(
        new(Cloud.EditProfile, Repeatable: true, Envelope, DataRequired: false),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.EditProfileAsync(request, headers, call, token),
        Finish.Success);

    public static readonly ApiCall<Cloud, DeleteProfileRequest, SuccessResult, SuccessResult> DeleteProfile = new(
        new(Cloud.DeleteProfile, Repeatable: true, Envelope, DataRequired: false),
        Json.SuccessResult,
        static (api, request, headers, call, token) => api.DeleteProfileAsync(request, headers, call, token),
        Finish.Success);

    public static readonly ApiCall<Cloud, AddProfileTemplateRequest, AddProfileTemplateResult,
        AddProfileTemplateResult> AddProfileTemplate = new(
        new(Cloud.AddProfileTemplate, Repeatable: false, Envelope, DataRequired: true),
        Json.AddProfileTemplateResult,
        static (api, request, headers, call, token) => api.AddProfileTemplateAsync(request, headers, call, token),
        Finish.Data);

    public static readonly ApiCall<Cloud, ListProfileTemplatesRequest, ListProfileTemplatesResult,
        ListProfileTemplatesResult> ListProfileTemplates = new(
        new(Cloud.ListProfileTemplates, Repeatable: true, Envelope, DataRequired: false),
        Json.ListProfileTemplatesResult,
        static (api, request, headers, call, token) => api.ListProfileTemplatesAsync(request, headers, call, token),
        Finish.DataOrEmpty);

    public static readonly ApiCall<Cloud, ProfileTemplateIdRequest, GetProfileTemplateResult, ProfileTemplate>
        GetProfileTemplate = new(
        new(Cloud.GetProfileTemplate, Repeatable: true, Envelope, DataRequired: true),
        Json.GetProfileTemplateResult,
        static (api, request, headers, call, token) => api.GetProfileTemplateAsync(request, headers, call, token),
        static (data, _) => data?.ProfileTemplate);

    public static readonly ApiCall<Cloud, UpdateProfileTemplateRequest, UpdateProfileTemplateResult,
        UpdateProfileTemplateResult> UpdateProfileTemplate = new(
        new(Cloud.UpdateProfileTemplate, Repeatable: true, Envelope, DataRequired: true),
        Json.UpdateProfileTemplateResult,
        static (api, request, headers, call, token)
            => api.UpdateProfileTemplateAsync(request, headers, call, token),
        Finish.Data);

    public static readonly ApiCall<Cloud, ProfileTemplateIdRequest, DeleteProfileTemplateResult,
        DeleteProfileTemplateResult> DeleteProfileTemplate = new(
        new(Cloud.DeleteProfileTemplate, Repeatable: true, Envelope, DataRequired: true),
        Json.DeleteProfileTemplateResult,
        static (api, request, headers, call, token)
            => api.DeleteProfileTemplateAsync(request, headers, call, token),
        Finish.Data);
}
