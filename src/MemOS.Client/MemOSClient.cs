using System.Runtime.CompilerServices;
using MemOS.Client.Api;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Serialization;
using MemOS.Client.Streaming;
using MemOS.Client.Telemetry;
using MemOS.Client.Tasks;
using MemOS.Client.Transport;

namespace MemOS.Client;

/// <summary>
/// The MemOS cloud client. Create one per application and share it: it is thread-safe and
/// holds a connection pool. With dependency injection, use
/// <c>services.AddMemOSClient(...)</c> and take <see cref="IMemOSClient"/> instead.
/// </summary>
public sealed class MemOSClient : IMemOSClient, IDisposable
{
    private static readonly System.Text.Json.JsonSerializerOptions RequestOptions
        = RequestJson.For(MemOSJsonContext.Default);

    private readonly MemOSTransport _transport;
    private readonly IMemOSCloudApi _api;
    private readonly bool _requireStreamEndMarker;

    /// <summary>Creates a client for the default (China) endpoint with an API key.</summary>
    /// <param name="apiKey">The project API key.</param>
    public MemOSClient(string apiKey)
        : this(new MemOSClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client that owns its connection pool.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSClient(MemOSClientOptions options)
        : this(OwnedHttpClient.Create(options), ownsHttpClient: true, options)
    {
    }

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> the caller manages. The client never
    /// changes or disposes it. Its own <see cref="HttpClient.Timeout"/> still applies, so keep
    /// it infinite (or long) for streamed chats; the SDK enforces <see cref="MemOSClientOptions.Timeout"/> itself.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists why.</exception>
    public MemOSClient(HttpClient httpClient, MemOSClientOptions options)
        : this(httpClient, ownsHttpClient: false, options)
    {
    }

    private MemOSClient(HttpClient httpClient, bool ownsHttpClient, MemOSClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
        }
        catch when (ownsHttpClient)
        {
            httpClient.Dispose();
            throw;
        }

        _transport = new MemOSTransport(httpClient, ownsHttpClient, new TransportSettings(
            options.ResolveBaseUrl(),
            TransportSettings.AuthorizationFor(options.ApiKey, "Token"),
            options.ApiKey,
            options.Timeout,
            options.StreamIdleTimeout,
            options.MaxStreamEventBytes,
            nameof(MemOSClient),
            options.UserAgentApplicationId,
            options.TimeProvider,
            ContentCapture.IsOn(options.CaptureMessageContent)));
        _api = ApiFactory.Create<IMemOSCloudApi>(_transport.HttpClient, RequestOptions);
        _requireStreamEndMarker = options.RequireStreamEndMarker;
    }

    /// <summary>The API root this client calls.</summary>
    public Uri BaseUrl => _transport.BaseUri;

    /// <summary>Creates a client from <c>MEMOS_API_KEY</c>, <c>MEMOS_BASE_URL</c> and <c>MEMOS_IS_GLOBAL</c>.</summary>
    /// <exception cref="ArgumentException">The variables are missing or invalid; the message lists why.</exception>
    public static MemOSClient FromEnvironment() => new(MemOSClientOptions.FromEnvironment());

    /// <inheritdoc />
    public Task<AddMessageResult> AddMessageAsync(
        AddMessageRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.AddMessage, request, cancellationToken);

    /// <inheritdoc />
    public Task<SearchMemoryResult> SearchMemoryAsync(
        SearchMemoryRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.SearchMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
        => _transport.SendAsync(_api, CloudCalls.Chat, request, cancellationToken, request?.ModelName?.Value);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(
        ChatRequest request,
        CancellationToken cancellationToken = default)
        => ChatStreamReader.Read(
            _transport,
            _api,
            CloudCalls.ChatStream,
            request,
            _requireStreamEndMarker,
            cancellationToken,
            request?.ModelName?.Value);

    /// <inheritdoc />
    public Task<GetMemoryResult> GetMemoryAsync(GetMemoryRequest request, CancellationToken cancellationToken = default)
        => Send(CloudCalls.GetMemory, request, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<GetMemoryResult> GetAllMemoriesAsync(
        GetMemoryRequest request,
        CancellationToken cancellationToken = default)
    {
        CloudCalls.GetMemory.Check(request);
        return Pages(request, cancellationToken);

        async IAsyncEnumerable<GetMemoryResult> Pages(
            GetMemoryRequest first,
            [EnumeratorCancellation] CancellationToken token)
        {
            var page = first.Page ?? 1;
            while (true)
            {
                var result = await GetMemoryAsync(first with { Page = page }, token).ConfigureAwait(false);
                yield return result;
                if (Paging.IsLastPage(page, result.Pages, result.Total, result.Size ?? first.Size, LargestList(result)))
                {
                    yield break;
                }

                page++;
            }
        }

        static int LargestList(GetMemoryResult page)
            => new[]
            {
                page.Memories.Count, page.Preferences.Count, page.ToolMemories.Count,
                page.Skills.Count, page.Profiles.Count, page.Events.Count,
            }.Max();
    }

    /// <inheritdoc />
    public Task<GetMemoryByIdResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default)
        => Send(CloudCalls.GetMemoryById, memoryId, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> UpdateMemoryAsync(
        UpdateMemoryRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.UpdateMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> DeleteMemoryAsync(
        DeleteMemoryRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.DeleteMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<GetMessageResult> GetMessagesAsync(
        GetMessageRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.GetMessage, request, cancellationToken);

    /// <inheritdoc />
    public Task<AddFeedbackResult> AddFeedbackAsync(
        AddFeedbackRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.AddFeedback, request, cancellationToken);

    /// <inheritdoc />
    public Task<TaskStatusResult> GetTaskStatusAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return Send(CloudCalls.GetStatus, new GetStatusRequest { TaskId = taskId }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ExtractMemoryResult> ExtractMemoryAsync(
        ExtractMemoryRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.ExtractMemory, request, cancellationToken);

    /// <inheritdoc />
    public Task<RerankResult> RerankAsync(RerankRequest request, CancellationToken cancellationToken = default)
        => Send(CloudCalls.Rerank, request, cancellationToken);

    /// <inheritdoc />
    public Task<CreateKnowledgeBaseResult> CreateKnowledgeBaseAsync(
        CreateKnowledgeBaseRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.CreateKnowledgeBase, request, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> DeleteKnowledgeBaseAsync(
        string knowledgeBaseId,
        CancellationToken cancellationToken = default)
        => Send(
            CloudCalls.DeleteKnowledgeBase,
            new DeleteKnowledgeBaseRequest { KnowledgeBaseId = knowledgeBaseId },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KnowledgeBaseFileInfo>> AddKnowledgeBaseFileAsync(
        AddKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.AddKnowledgeBaseFile, request, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<KnowledgeBaseFileInfo>> UploadKnowledgeBaseFilesAsync(
        string knowledgeBaseId,
        IEnumerable<KnowledgeBaseUpload> files,
        KnowledgeBaseFileType? type = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgeBaseId);
        ArgumentNullException.ThrowIfNull(files);
        var uploads = files.ToArray();
        UploadLimits.Check(uploads);

        // The official client sends the knowledge base and type as query parameters.
        var parts = Array.ConvertAll(uploads, upload => new UploadPart(upload));
        var upload = new UploadRequest(knowledgeBaseId, type?.Value, parts);
        return Send(CloudCalls.UploadKnowledgeBaseFiles, upload, cancellationToken);
    }

    /// <inheritdoc />
    public Task<GetKnowledgeBaseFileResult> GetKnowledgeBaseFileAsync(
        GetKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.GetKnowledgeBaseFile, request, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<KnowledgeBaseFileDetail> GetAllKnowledgeBaseFilesAsync(
        string knowledgeBaseId,
        KnowledgeBaseFileType? type = null,
        int? pageSize = null,
        CancellationToken cancellationToken = default)
    {
        var first = new GetKnowledgeBaseFileRequest
        {
            KnowledgeBaseId = knowledgeBaseId, Type = type, Page = 1, PageSize = pageSize,
        };
        CloudCalls.GetKnowledgeBaseFile.Check(first);
        return Files(first, cancellationToken);

        async IAsyncEnumerable<KnowledgeBaseFileDetail> Files(
            GetKnowledgeBaseFileRequest request,
            [EnumeratorCancellation] CancellationToken token)
        {
            var page = 1;
            while (true)
            {
                var result = await GetKnowledgeBaseFileAsync(request with { Page = page }, token).ConfigureAwait(false);
                foreach (var file in result.Files)
                {
                    yield return file;
                }

                var pages = result.Total is { } total && result.PageSize is > 0
                    ? (int?)((total + result.PageSize.Value - 1) / result.PageSize.Value)
                    : null;
                var size = result.PageSize ?? request.PageSize;
                if (Paging.IsLastPage(page, pages, result.Total, size, result.Files.Count))
                {
                    yield break;
                }

                page++;
            }
        }
    }

    /// <inheritdoc />
    public Task<SuccessResult> DeleteKnowledgeBaseFileAsync(
        DeleteKnowledgeBaseFileRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.DeleteKnowledgeBaseFile, request, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> BindProfileTemplateAsync(
        BindProfileTemplateRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.BindProfileTemplate, request, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> EditProfileAsync(
        EditProfileRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.EditProfile, request, cancellationToken);

    /// <inheritdoc />
    public Task<SuccessResult> DeleteProfileAsync(
        DeleteProfileRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.DeleteProfile, request, cancellationToken);

    /// <inheritdoc />
    public Task<AddProfileTemplateResult> AddProfileTemplateAsync(
        AddProfileTemplateRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.AddProfileTemplate, request, cancellationToken);

    /// <inheritdoc />
    public Task<ListProfileTemplatesResult> ListProfileTemplatesAsync(
        ListProfileTemplatesRequest? request = null,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.ListProfileTemplates, request ?? new ListProfileTemplatesRequest(), cancellationToken);

    /// <inheritdoc />
    public Task<ProfileTemplate> GetProfileTemplateAsync(
        string profileTemplateId,
        CancellationToken cancellationToken = default)
        => Send(
            CloudCalls.GetProfileTemplate,
            new ProfileTemplateIdRequest { ProfileTemplateId = profileTemplateId },
            cancellationToken);

    /// <inheritdoc />
    public Task<UpdateProfileTemplateResult> UpdateProfileTemplateAsync(
        UpdateProfileTemplateRequest request,
        CancellationToken cancellationToken = default)
        => Send(CloudCalls.UpdateProfileTemplate, request, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteProfileTemplateResult> DeleteProfileTemplateAsync(
        string profileTemplateId,
        CancellationToken cancellationToken = default)
        => Send(
            CloudCalls.DeleteProfileTemplate,
            new ProfileTemplateIdRequest { ProfileTemplateId = profileTemplateId },
            cancellationToken);

    /// <summary>
    /// Releases the connection pool, when this client created it. Later calls throw <see
    /// cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>
    /// Sends the next calls with a rotated API key (dependency injection calls it when configuration reloads).
    /// </summary>
    internal void UseApiKey(string? apiKey)
        => _transport.UseCredentials(TransportSettings.AuthorizationFor(apiKey, "Token"), apiKey);

    // The one path every call takes; the row of CloudCalls says everything about the route.
    private Task<TResult> Send<TRequest, TData, TResult>(
        ApiCall<IMemOSCloudApi, TRequest, TData, TResult> call,
        TRequest request,
        CancellationToken cancellationToken)
        => _transport.SendAsync(_api, call, request, cancellationToken);

    /// <summary>The handler behind every client the SDK builds itself (<see cref="SplitPoolHandler"/>).</summary>
    internal static HttpMessageHandler CreateHandler() => new SplitPoolHandler();
}
