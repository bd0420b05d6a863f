using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Tasks;

using Refit;

namespace MemOS.Client.Api;

/// <summary>
/// The MemOS cloud API on the wire: every route, verb, body and query parameter. Each method
/// returns the live response, so that the envelope inside HTTP 200, the error mapping and the SSE
/// reading stay the transport's; <c>headers</c> carries the call's <c>Authorization</c> and
/// <c>User-Agent</c>, <c>call</c> tells the resilience handler which operation it is sending (and so whether it may be repeated).
/// </summary>
/// <remarks>Which routes are writes (never repeated once they may have been applied) is decided in <see cref="RouteTable"/>.</remarks>
[Headers("Accept: application/json")]
internal interface IMemOSCloudApi
{
    /// <summary>SPEC §5.1. A write.</summary>
    [Post(Routes.AddMessage)]
    Task<HttpResponseMessage> AddMessageAsync([Body] AddMessageRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §5.2.</summary>
    [Post(Routes.SearchMemory)]
    Task<HttpResponseMessage> SearchMemoryAsync([Body] SearchMemoryRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §7.2, answered whole (<c>stream: false</c>). A write: the turn is stored.</summary>
    [Post(Routes.Chat)]
    Task<HttpResponseMessage> ChatAsync([Body] ChatRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §7.3, answered as server-sent events (<c>stream: true</c>); request-level errors still come as a JSON envelope.</summary>
    [Post(Routes.Chat)]
    [Headers("Accept: text/event-stream")]
    Task<HttpResponseMessage> ChatStreamAsync([Body] ChatRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §5.3, one page.</summary>
    [Post(Routes.GetMemory)]
    Task<HttpResponseMessage> GetMemoryAsync([Body] GetMemoryRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §5.4. The id is one opaque path segment: '/', '?' and '#' in it are escaped.</summary>
    [Get(Routes.GetMemoryById)]
    Task<HttpResponseMessage> GetMemoryByIdAsync(string id, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §5.5.</summary>
    [Post(Routes.UpdateMemory)]
    Task<HttpResponseMessage> UpdateMemoryAsync([Body] UpdateMemoryRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §5.6.</summary>
    [Post(Routes.DeleteMemory)]
    Task<HttpResponseMessage> DeleteMemoryAsync([Body] DeleteMemoryRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §6.1.</summary>
    [Post(Routes.GetMessage)]
    Task<HttpResponseMessage> GetMessageAsync([Body] GetMessageRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §6.2. A write.</summary>
    [Post(Routes.AddFeedback)]
    Task<HttpResponseMessage> AddFeedbackAsync([Body] AddFeedbackRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §6.3. The data is one status object, or a one-element list in older answers.</summary>
    [Post(Routes.GetStatus)]
    Task<HttpResponseMessage> GetStatusAsync([Body] GetStatusRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §8.1.</summary>
    [Post(Routes.ExtractMemory)]
    Task<HttpResponseMessage> ExtractMemoryAsync([Body] ExtractMemoryRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §8.2. The answer is a bare body or an envelope (§14 Q9).</summary>
    [Post(Routes.Rerank)]
    Task<HttpResponseMessage> RerankAsync([Body] RerankRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.1. A write.</summary>
    [Post(Routes.CreateKnowledgeBase)]
    Task<HttpResponseMessage> CreateKnowledgeBaseAsync([Body] CreateKnowledgeBaseRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.2.</summary>
    [Post(Routes.DeleteKnowledgeBase)]
    Task<HttpResponseMessage> DeleteKnowledgeBaseAsync([Body] DeleteKnowledgeBaseRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.3, files given by URL. A write.</summary>
    [Post(Routes.AddKnowledgeBaseFile)]
    Task<HttpResponseMessage> AddKnowledgeBaseFileAsync([Body] AddKnowledgeBaseFileRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.4, local files as multipart parts named <c>file</c>; the knowledge base and type travel in the query. A write.</summary>
    [Multipart]
    [Post(Routes.AddKnowledgeBaseFile)]
    Task<HttpResponseMessage> UploadKnowledgeBaseFilesAsync([Query][AliasAs("knowledgebase_id")] string knowledgebaseId, [Query][AliasAs("type")] string? type, [AliasAs("file")] IEnumerable<UploadPart> files, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.5, one page.</summary>
    [Post(Routes.GetKnowledgeBaseFile)]
    Task<HttpResponseMessage> GetKnowledgeBaseFileAsync([Body] GetKnowledgeBaseFileRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §9.6.</summary>
    [Post(Routes.DeleteKnowledgeBaseFile)]
    Task<HttpResponseMessage> DeleteKnowledgeBaseFileAsync([Body] DeleteKnowledgeBaseFileRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10. A write.</summary>
    [Post(Routes.BindProfileTemplate)]
    Task<HttpResponseMessage> BindProfileTemplateAsync([Body] BindProfileTemplateRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.EditProfile)]
    Task<HttpResponseMessage> EditProfileAsync([Body] EditProfileRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.DeleteProfile)]
    Task<HttpResponseMessage> DeleteProfileAsync([Body] DeleteProfileRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10. A write.</summary>
    [Post(Routes.AddProfileTemplate)]
    Task<HttpResponseMessage> AddProfileTemplateAsync([Body] AddProfileTemplateRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.ListProfileTemplates)]
    Task<HttpResponseMessage> ListProfileTemplatesAsync([Body] ListProfileTemplatesRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.GetProfileTemplate)]
    Task<HttpResponseMessage> GetProfileTemplateAsync([Body] ProfileTemplateIdRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.UpdateProfileTemplate)]
    Task<HttpResponseMessage> UpdateProfileTemplateAsync([Body] UpdateProfileTemplateRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);

    /// <summary>SPEC §10.</summary>
    [Post(Routes.DeleteProfileTemplate)]
    Task<HttpResponseMessage> DeleteProfileTemplateAsync([Body] ProfileTemplateIdRequest request, [HeaderCollection] IDictionary<string, string> headers, [Property(MemOSCall.PropertyName)] MemOSCall call, CancellationToken cancellationToken);
}
