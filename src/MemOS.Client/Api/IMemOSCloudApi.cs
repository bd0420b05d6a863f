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
/// The MemOS cloud API on the wire: every route (its path, relative to the client's base URL, declared next to the
/// method that sends to it), verb, body and query parameter. Each method returns the live response, so that the
/// envelope inside HTTP 200, the error mapping and the SSE reading stay the transport's; <c>headers</c> carries the
/// call's <c>Authorization</c> and <c>User-Agent</c>, <c>call</c> tells the resilience handler which route it is
/// sending (and so whether it may be repeated).
/// </summary>
/// <remarks>Which routes are writes (never repeated once they may have been applied) is decided in their rows of
/// <see cref="CloudCalls"/>.</remarks>
[Headers("Accept: application/json")]
internal interface IMemOSCloudApi
{
    const string AddMessage = "/add/message";

    /// <summary>POST add/message: writes a conversation's messages. A write.</summary>
    [Post(AddMessage)]
    Task<HttpResponseMessage> AddMessageAsync(
        [Body] AddMessageRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string SearchMemory = "/search/memory";

    /// <summary>POST search/memory: semantic recall of memories.</summary>
    [Post(SearchMemory)]
    Task<HttpResponseMessage> SearchMemoryAsync(
        [Body] SearchMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string Chat = "/chat";

    /// <summary>POST chat, answered whole (<c>stream: false</c>). A write: the turn is stored.</summary>
    [Post(Chat)]
    Task<HttpResponseMessage> ChatAsync(
        [Body] ChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>
    /// POST chat, answered as server-sent events (<c>stream: true</c>); request-level errors still come as a JSON
    /// envelope.
    /// </summary>
    [Post(Chat)]
    [Headers("Accept: text/event-stream")]
    Task<HttpResponseMessage> ChatStreamAsync(
        [Body] ChatRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetMemory = "/get/memory";

    /// <summary>POST get/memory: lists memories without a query, one page.</summary>
    [Post(GetMemory)]
    Task<HttpResponseMessage> GetMemoryAsync(
        [Body] GetMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetMemoryById = "/get/memory/{id}";

    /// <summary>
    /// GET get/memory/{id}: one memory by id. The id is one opaque path segment: '/', '?' and '#' in it are escaped.
    /// </summary>
    [Get(GetMemoryById)]
    Task<HttpResponseMessage> GetMemoryByIdAsync(
        string id,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string UpdateMemory = "/update/memory";

    /// <summary>POST update/memory: edits a memory.</summary>
    [Post(UpdateMemory)]
    Task<HttpResponseMessage> UpdateMemoryAsync(
        [Body] UpdateMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteMemory = "/delete/memory";

    /// <summary>POST delete/memory: deletes memories.</summary>
    [Post(DeleteMemory)]
    Task<HttpResponseMessage> DeleteMemoryAsync(
        [Body] DeleteMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetMessage = "/get/message";

    /// <summary>POST get/message: a conversation's raw message history.</summary>
    [Post(GetMessage)]
    Task<HttpResponseMessage> GetMessageAsync(
        [Body] GetMessageRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string AddFeedback = "/add/feedback";

    /// <summary>POST add/feedback: a natural-language correction of memories. A write.</summary>
    [Post(AddFeedback)]
    Task<HttpResponseMessage> AddFeedbackAsync(
        [Body] AddFeedbackRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetStatus = "/get/status";

    /// <summary>
    /// POST get/status: the status of an asynchronous task. The data is one status object, or a one-element list in
    /// older answers.
    /// </summary>
    [Post(GetStatus)]
    Task<HttpResponseMessage> GetStatusAsync(
        [Body] GetStatusRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string ExtractMemory = "/extract/memory";

    /// <summary>POST extract/memory: extracts memories without storing them.</summary>
    [Post(ExtractMemory)]
    Task<HttpResponseMessage> ExtractMemoryAsync(
        [Body] ExtractMemoryRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string Rerank = "/rerank";

    /// <summary>
    /// POST rerank: reranks documents for a query. The answer is a bare body or an envelope (the documented schema is
    /// bare, some answers wrap it in <c>{code, message, data}</c>); both are read.
    /// </summary>
    [Post(Rerank)]
    Task<HttpResponseMessage> RerankAsync(
        [Body] RerankRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string CreateKnowledgeBase = "/create/knowledgebase";

    /// <summary>POST create/knowledgebase: creates a knowledge base. A write.</summary>
    [Post(CreateKnowledgeBase)]
    Task<HttpResponseMessage> CreateKnowledgeBaseAsync(
        [Body] CreateKnowledgeBaseRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteKnowledgeBase = "/delete/knowledgebase";

    /// <summary>POST delete/knowledgebase: deletes a knowledge base.</summary>
    [Post(DeleteKnowledgeBase)]
    Task<HttpResponseMessage> DeleteKnowledgeBaseAsync(
        [Body] DeleteKnowledgeBaseRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string AddKnowledgeBaseFile = "/add/knowledgebase-file";

    /// <summary>POST add/knowledgebase-file, files given by URL. A write.</summary>
    [Post(AddKnowledgeBaseFile)]
    Task<HttpResponseMessage> AddKnowledgeBaseFileAsync(
        [Body] AddKnowledgeBaseFileRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    /// <summary>
    /// POST add/knowledgebase-file, local files as multipart parts named <c>file</c>; the knowledge base and type
    /// travel in the query. A write.
    /// </summary>
    [Multipart]
    [Post(AddKnowledgeBaseFile)]
    Task<HttpResponseMessage> UploadKnowledgeBaseFilesAsync(
        [Query][AliasAs("knowledgebase_id")] string knowledgebaseId,
        [Query][AliasAs("type")] string? type,
        [AliasAs("file")] IEnumerable<UploadPart> files,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetKnowledgeBaseFile = "/get/knowledgebase-file";

    /// <summary>POST get/knowledgebase-file: file details or a listing, one page.</summary>
    [Post(GetKnowledgeBaseFile)]
    Task<HttpResponseMessage> GetKnowledgeBaseFileAsync(
        [Body] GetKnowledgeBaseFileRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteKnowledgeBaseFile = "/delete/knowledgebase-file";

    /// <summary>POST delete/knowledgebase-file: deletes files from a knowledge base.</summary>
    [Post(DeleteKnowledgeBaseFile)]
    Task<HttpResponseMessage> DeleteKnowledgeBaseFileAsync(
        [Body] DeleteKnowledgeBaseFileRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string BindProfileTemplate = "/bind/profile_template";

    /// <summary>POST bind/profile_template: binds a profile template to users or agents. A write.</summary>
    [Post(BindProfileTemplate)]
    Task<HttpResponseMessage> BindProfileTemplateAsync(
        [Body] BindProfileTemplateRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string EditProfile = "/edit/profile";

    /// <summary>POST edit/profile: adds, updates or removes fields of a profile.</summary>
    [Post(EditProfile)]
    Task<HttpResponseMessage> EditProfileAsync(
        [Body] EditProfileRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteProfile = "/delete/profile";

    /// <summary>POST delete/profile: deletes a user's or agent's profile.</summary>
    [Post(DeleteProfile)]
    Task<HttpResponseMessage> DeleteProfileAsync(
        [Body] DeleteProfileRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string AddProfileTemplate = "/add/profile_template";

    /// <summary>POST add/profile_template: creates a profile template. A write.</summary>
    [Post(AddProfileTemplate)]
    Task<HttpResponseMessage> AddProfileTemplateAsync(
        [Body] AddProfileTemplateRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string ListProfileTemplates = "/list/profile_template";

    /// <summary>POST list/profile_template: lists profile templates, one page.</summary>
    [Post(ListProfileTemplates)]
    Task<HttpResponseMessage> ListProfileTemplatesAsync(
        [Body] ListProfileTemplatesRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string GetProfileTemplate = "/get/profile_template";

    /// <summary>POST get/profile_template: one profile template by id.</summary>
    [Post(GetProfileTemplate)]
    Task<HttpResponseMessage> GetProfileTemplateAsync(
        [Body] ProfileTemplateIdRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string UpdateProfileTemplate = "/update/profile_template";

    /// <summary>POST update/profile_template: changes a profile template and every profile bound to it.</summary>
    [Post(UpdateProfileTemplate)]
    Task<HttpResponseMessage> UpdateProfileTemplateAsync(
        [Body] UpdateProfileTemplateRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);

    const string DeleteProfileTemplate = "/delete/profile_template";

    /// <summary>POST delete/profile_template: deletes a profile template with its profiles and bindings.</summary>
    [Post(DeleteProfileTemplate)]
    Task<HttpResponseMessage> DeleteProfileTemplateAsync(
        [Body] ProfileTemplateIdRequest request,
        [HeaderCollection] IDictionary<string, string> headers,
        [Property(MemOSCall.PropertyName)] MemOSCall call,
        CancellationToken cancellationToken);
}
