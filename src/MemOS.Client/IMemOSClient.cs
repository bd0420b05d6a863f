using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Tasks;

namespace MemOS.Client;

/// <summary>
/// The MemOS cloud API: write conversations into memory, recall memories, and chat with memory.
/// Method names follow the official Python client (<c>add_message</c> →
/// <see cref="AddMessageAsync"/>). Every method throws <see cref="ArgumentException"/> for a
/// request the service would reject, before sending anything, and a
/// <see cref="MemOSException"/> for a failed call.
/// </summary>
public interface IMemOSClient
{
    /// <summary>Writes messages into MemOS, which turns them into memories (<c>POST /add/message</c>).</summary>
    /// <param name="request">The messages and their scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// Whether the write was accepted, and the task id to follow its processing. An asynchronous
    /// write the service accepts with an empty answer returns a result without a task id.
    /// </returns>
    /// <remarks>
    /// In asynchronous mode (the default) MemOS first stores quick memories and later replaces them
    /// with refined ones under new ids: ids seen before the task completes are provisional, and
    /// <see cref="GetMemoryByIdAsync"/> on one may answer not found. Search again once
    /// <see cref="GetTaskStatusAsync"/> reports the task completed (or use <c>AddMessageAndWaitAsync</c>).
    /// </remarks>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<AddMessageResult> AddMessageAsync(AddMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Recalls the memories relevant to a query (<c>POST /search/memory</c>).</summary>
    /// <param name="request">The query and its scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Memories by category, most relevant first.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SearchMemoryResult> SearchMemoryAsync(
        SearchMemoryRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers a query with a MemOS-hosted model that recalls the user's memories first (<c>POST /chat</c>).
    /// </summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The complete answer.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the answer of <see cref="ChatAsync"/> as it is generated. Nothing is sent until
    /// the first <c>MoveNextAsync</c>; breaking out of the loop or cancelling closes the
    /// connection. The last event of a complete answer is <see cref="ChatStreamEnd"/>; an error
    /// event or a stream cut short throws <see cref="MemOSStreamException"/>.
    /// </summary>
    /// <param name="request">The query and its options.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <returns>Text and reasoning deltas, then the end event.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="MemOSStreamException">The stream ended with an error event, was cut short, or could not be
    /// read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(
        ChatRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Lists one page of a user's or agent's memories, with no query (<c>POST /get/memory</c>).</summary>
    /// <param name="request">The subject, page and filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Up to <c>size</c> memories per category, and the paging counts.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<GetMemoryResult> GetMemoryAsync(GetMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every page of get/memory, starting at the request's page, until the last one; a full page is never taken
    /// for the end.
    /// </summary>
    /// <param name="request">The subject, page size and filters.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>One result per page, fetched as the enumeration reaches it.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<GetMemoryResult> GetAllMemoriesAsync(
        GetMemoryRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Fetches one memory by id (<c>GET /get/memory/{memory_id}</c>).</summary>
    /// <param name="memoryId">The memory id; it is percent-encoded.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The memory.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<GetMemoryByIdResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default);

    /// <summary>Edits a memory's content, title or status (<c>POST /update/memory</c>).</summary>
    /// <param name="request">The memory and its new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> UpdateMemoryAsync(UpdateMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes memories by id, or all of a user's or agent's (<c>POST /delete/memory</c>).</summary>
    /// <param name="request">Exactly one deletion mode.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> DeleteMemoryAsync(DeleteMemoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the raw messages of a conversation (<c>POST /get/message</c>).</summary>
    /// <param name="request">The user, conversation and limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<GetMessageResult> GetMessagesAsync(GetMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Corrects memories with feedback in plain words (<c>POST /add/feedback</c>); processed asynchronously.
    /// </summary>
    /// <param name="request">The feedback and its scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task processing the feedback.</returns>
    /// <remarks>Memory ids seen before the task completes are provisional: refinement may replace them with new
    /// ones.</remarks>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<AddFeedbackResult> AddFeedbackAsync(AddFeedbackRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the state of an asynchronous task (<c>POST /get/status</c>). To wait for the end, use <see
    /// cref="MemOSTaskExtensions.WaitForTaskAsync"/>.
    /// </summary>
    /// <param name="taskId">The task id from a write.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task's state; <c>failed</c> is returned, not thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TaskStatusResult> GetTaskStatusAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Extracts memories from messages without storing them (<c>POST /extract/memory</c>).</summary>
    /// <param name="request">The messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The facts and preferences found.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ExtractMemoryResult> ExtractMemoryAsync(
        ExtractMemoryRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Orders documents by relevance to a query (<c>POST /rerank</c>).</summary>
    /// <param name="request">The query and documents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The documents, most relevant first.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RerankResult> RerankAsync(RerankRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a knowledge base (<c>POST /create/knowledgebase</c>).</summary>
    /// <param name="request">Its name and description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new knowledge base's id.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<CreateKnowledgeBaseResult> CreateKnowledgeBaseAsync(
        CreateKnowledgeBaseRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a knowledge base from the project (<c>POST /delete/knowledgebase</c>).</summary>
    /// <param name="knowledgeBaseId">The knowledge base.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> DeleteKnowledgeBaseAsync(string knowledgeBaseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds documents or Skills by URL or Base64 (<c>POST /add/knowledgebase-file</c>); processed asynchronously.
    /// </summary>
    /// <param name="request">The knowledge base and files.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per file accepted.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<KnowledgeBaseFileInfo>> AddKnowledgeBaseFileAsync(
        AddKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads local files as multipart form data (<c>POST /add/knowledgebase-file</c>, the official client's
    /// undocumented form). At most 20 files, 100 MB each and 300 MB in all, checked before sending.
    /// </summary>
    /// <param name="knowledgeBaseId">The knowledge base.</param>
    /// <param name="files">The files.</param>
    /// <param name="type">Documents (the default) or Skills.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per file accepted.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<KnowledgeBaseFileInfo>> UploadKnowledgeBaseFilesAsync(
        string knowledgeBaseId,
        IEnumerable<KnowledgeBaseUpload> files,
        KnowledgeBaseFileType? type = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Describes files, or lists one page of a knowledge base's files (<c>POST /get/knowledgebase-file</c>).
    /// </summary>
    /// <param name="request">File ids, or a knowledge base and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The files, with paging counts when listing.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<GetKnowledgeBaseFileResult> GetKnowledgeBaseFileAsync(
        GetKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Lists every file of a knowledge base, page after page, until the last.</summary>
    /// <param name="knowledgeBaseId">The knowledge base.</param>
    /// <param name="type">Only files of this kind, or all.</param>
    /// <param name="pageSize">Files per request; the service default when null.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The files, fetched as the enumeration reaches them.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<KnowledgeBaseFileDetail> GetAllKnowledgeBaseFilesAsync(
        string knowledgeBaseId,
        KnowledgeBaseFileType? type = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes files from a knowledge base (<c>POST /delete/knowledgebase-file</c>).</summary>
    /// <param name="request">The files.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> DeleteKnowledgeBaseFileAsync(
        DeleteKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Binds profile templates to users or agents (<c>POST /bind/profile_template</c>).</summary>
    /// <param name="request">Up to 20 bindings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> BindProfileTemplateAsync(
        BindProfileTemplateRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Adds, changes, locks or removes fields of a profile (<c>POST /edit/profile</c>).</summary>
    /// <param name="request">The profile and the changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> EditProfileAsync(EditProfileRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subject's profile (<c>POST /delete/profile</c>).</summary>
    /// <param name="request">The template and subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success; a failure is thrown.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<SuccessResult> DeleteProfileAsync(DeleteProfileRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a profile template (<c>POST /add/profile_template</c>).</summary>
    /// <param name="request">Its name and fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new template's id.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<AddProfileTemplateResult> AddProfileTemplateAsync(
        AddProfileTemplateRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the project's profile templates, newest first (<c>POST /list/profile_template</c>).</summary>
    /// <param name="request">The page; the first page of 10 when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of templates.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ListProfileTemplatesResult> ListProfileTemplatesAsync(
        ListProfileTemplatesRequest? request = null,
        CancellationToken cancellationToken = default);

    /// <summary>Fetches a profile template with its fields (<c>POST /get/profile_template</c>).</summary>
    /// <param name="profileTemplateId">The template.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ProfileTemplate> GetProfileTemplateAsync(
        string profileTemplateId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a template's name and fields; bound profiles follow (<c>POST /update/profile_template</c>).
    /// </summary>
    /// <param name="request">The template and its new definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many profiles changed.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<UpdateProfileTemplateResult> UpdateProfileTemplateAsync(
        UpdateProfileTemplateRequest request,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a template with all its profiles and bindings (<c>POST /delete/profile_template</c>).</summary>
    /// <param name="profileTemplateId">The template.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many profiles were deleted.</returns>
    /// <exception cref="ArgumentException">The request is missing a required value or has one the service would refuse;
    /// nothing was sent.</exception>
    /// <exception cref="MemOSException">The call failed: the subclass says how (authentication, not found, rate limit,
    /// quota, timeout, connection, validation), and <see cref="MemOSException.WriteMayHaveBeenApplied"/> whether a
    /// failed write may still have been stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DeleteProfileTemplateResult> DeleteProfileTemplateAsync(
        string profileTemplateId,
        CancellationToken cancellationToken = default);
}
