using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    private static readonly MemOSJsonContext Json = MemOSJsonContext.Default;
    private static readonly System.Text.Json.JsonSerializerOptions RequestOptions = RequestJson.For(Json);

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
            options.UserAgentApplicationId));
        _api = ApiFactory.Create<IMemOSCloudApi>(_transport, RequestOptions);
        _requireStreamEndMarker = options.RequireStreamEndMarker;
    }

    /// <summary>The API root this client calls.</summary>
    public Uri BaseUrl => _transport.BaseUri;

    /// <summary>Creates a client from <c>MEMOS_API_KEY</c>, <c>MEMOS_BASE_URL</c> and <c>MEMOS_IS_GLOBAL</c>.</summary>
    /// <exception cref="ArgumentException">The variables are missing or invalid; the message lists why.</exception>
    public static MemOSClient FromEnvironment() => new(MemOSClientOptions.FromEnvironment());

    /// <inheritdoc />
    public async Task<AddMessageResult> AddMessageAsync(AddMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var result = await _transport.SendAsync(Routes.AddMessage, (call, token) => _api.AddMessageAsync(request, _transport.Headers, call, token), Json.AddMessageResult, cancellationToken).ConfigureAwait(false);
        return result ?? new AddMessageResult();
    }

    /// <inheritdoc />
    public async Task<SearchMemoryResult> SearchMemoryAsync(SearchMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var result = await _transport.SendAsync(Routes.SearchMemory, (call, token) => _api.SearchMemoryAsync(request, _transport.Headers, call, token), Json.SearchMemoryResult, cancellationToken).ConfigureAwait(false);
        return result ?? new SearchMemoryResult();
    }

    /// <inheritdoc />
    public async Task<ChatResult> ChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return (await _transport.SendAsync(Routes.Chat, (call, token) => _api.ChatAsync(request with { Stream = false }, _transport.Headers, call, token), Json.ChatResult, cancellationToken, requestModel: request.ModelName?.Value, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatStreamEvent> ChatStreamAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        // Checked here rather than inside the iterator so a bad request fails at the call site.
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var streamed = request with { Stream = true };
        return ChatStreamReader.ReadAsync(_transport, Routes.Chat, (call, token) => _api.ChatStreamAsync(streamed, _transport.Headers, call, token), Json.ChatResult, _requireStreamEndMarker, cancellationToken, request.ModelName?.Value);
    }

    /// <inheritdoc />
    public async Task<GetMemoryResult> GetMemoryAsync(GetMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await _transport.SendAsync(Routes.GetMemory, (call, token) => _api.GetMemoryAsync(request, _transport.Headers, call, token), Json.GetMemoryResult, cancellationToken).ConfigureAwait(false)
               ?? new GetMemoryResult();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<GetMemoryResult> GetAllMemoriesAsync(GetMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Pages(request, cancellationToken);

        async IAsyncEnumerable<GetMemoryResult> Pages(GetMemoryRequest first, [EnumeratorCancellation] CancellationToken token)
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
            => new[] { page.Memories.Count, page.Preferences.Count, page.ToolMemories.Count, page.Skills.Count, page.Profiles.Count, page.Events.Count }.Max();
    }

    /// <inheritdoc />
    public async Task<GetMemoryByIdResult> GetMemoryByIdAsync(string memoryId, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(memoryId, "memory_id");
        return (await _transport.SendAsync(Routes.GetMemoryById, (call, token) => _api.GetMemoryByIdAsync(memoryId, _transport.Headers, call, token), Json.GetMemoryByIdResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<SuccessResult> UpdateMemoryAsync(UpdateMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Succeed(Routes.UpdateMemory, (call, token) => _api.UpdateMemoryAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SuccessResult> DeleteMemoryAsync(DeleteMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        try
        {
            return await Succeed(Routes.DeleteMemory, (call, token) => _api.DeleteMemoryAsync(request, _transport.Headers, call, token), cancellationToken).ConfigureAwait(false);
        }
        catch (MemOSNotFoundException exception) when (exception.Code is MemOSErrorCodes.MemoryNotFound or MemOSErrorCodes.UserNotFound && exception.EarlierAttemptMayHaveApplied)
        {
            // A retried delete that finds nothing left to delete was done by its earlier attempt (SPEC §13.3).
            return new SuccessResult { Success = true };
        }
    }

    /// <inheritdoc />
    public async Task<GetMessageResult> GetMessagesAsync(GetMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await _transport.SendAsync(Routes.GetMessage, (call, token) => _api.GetMessageAsync(request, _transport.Headers, call, token), Json.GetMessageResult, cancellationToken).ConfigureAwait(false)
               ?? new GetMessageResult();
    }

    /// <inheritdoc />
    public async Task<AddFeedbackResult> AddFeedbackAsync(AddFeedbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await _transport.SendAsync(Routes.AddFeedback, (call, token) => _api.AddFeedbackAsync(request, _transport.Headers, call, token), Json.AddFeedbackResult, cancellationToken).ConfigureAwait(false)
               ?? new AddFeedbackResult();
    }

    /// <inheritdoc />
    public async Task<TaskStatusResult> GetTaskStatusAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        var data = await _transport.SendAsync(Routes.GetStatus, (call, token) => _api.GetStatusAsync(new GetStatusRequest { TaskId = taskId }, _transport.Headers, call, token), Json.JsonElement, cancellationToken).ConfigureAwait(false);

        // Older answers wrap the status in a one-element list without the task id (SPEC §6.3).
        var statuses = ReadOneOrList(data, Json.TaskStatusResult, Routes.GetStatus);
        var status = statuses.Length > 0 ? statuses[0] : throw MissingData(Routes.GetStatus);
        return status.TaskId is null ? status with { TaskId = taskId } : status;
    }

    /// <inheritdoc />
    public async Task<ExtractMemoryResult> ExtractMemoryAsync(ExtractMemoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return (await _transport.SendAsync(Routes.ExtractMemory, (call, token) => _api.ExtractMemoryAsync(request, _transport.Headers, call, token), Json.ExtractMemoryResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<RerankResult> RerankAsync(RerankRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        // The docs show a bare body, the official client's tests an envelope (SPEC §14 Q9): both are read.
        return (await _transport.SendAsync(Routes.Rerank, (call, token) => _api.RerankAsync(request, _transport.Headers, call, token), Json.RerankResult, cancellationToken, bareInfo: Json.RerankResult, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<CreateKnowledgeBaseResult> CreateKnowledgeBaseAsync(CreateKnowledgeBaseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return (await _transport.SendAsync(Routes.CreateKnowledgeBase, (call, token) => _api.CreateKnowledgeBaseAsync(request, _transport.Headers, call, token), Json.CreateKnowledgeBaseResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<SuccessResult> DeleteKnowledgeBaseAsync(string knowledgebaseId, CancellationToken cancellationToken = default)
    {
        var request = new DeleteKnowledgeBaseRequest { KnowledgeBaseId = knowledgebaseId };
        request.Validate();
        return Succeed(Routes.DeleteKnowledgeBase, (call, token) => _api.DeleteKnowledgeBaseAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KnowledgeBaseFileInfo>> AddKnowledgeBaseFileAsync(AddKnowledgeBaseFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var data = await _transport.SendAsync(Routes.AddKnowledgeBaseFile, (call, token) => _api.AddKnowledgeBaseFileAsync(request, _transport.Headers, call, token), Json.JsonElement, cancellationToken).ConfigureAwait(false);
        return ReadOneOrList(data, Json.KnowledgeBaseFileInfo, Routes.AddKnowledgeBaseFile);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KnowledgeBaseFileInfo>> UploadKnowledgeBaseFilesAsync(string knowledgebaseId, IEnumerable<KnowledgeBaseUpload> files, KnowledgeBaseFileType? type = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgebaseId);
        ArgumentNullException.ThrowIfNull(files);
        var uploads = files.ToArray();
        UploadLimits.Check(uploads);

        // The official client sends the knowledge base and type as query parameters (SPEC §9.4).
        var parts = Array.ConvertAll(uploads, upload => new UploadPart(upload));
        var data = await _transport.SendAsync(Routes.AddKnowledgeBaseFile, (call, token) => _api.UploadKnowledgeBaseFilesAsync(knowledgebaseId, type?.Value, parts, _transport.Headers, call, token), Json.JsonElement, cancellationToken).ConfigureAwait(false);
        return ReadOneOrList(data, Json.KnowledgeBaseFileInfo, Routes.AddKnowledgeBaseFile);
    }

    /// <inheritdoc />
    public async Task<GetKnowledgeBaseFileResult> GetKnowledgeBaseFileAsync(GetKnowledgeBaseFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return await _transport.SendAsync(Routes.GetKnowledgeBaseFile, (call, token) => _api.GetKnowledgeBaseFileAsync(request, _transport.Headers, call, token), Json.GetKnowledgeBaseFileResult, cancellationToken).ConfigureAwait(false)
               ?? new GetKnowledgeBaseFileResult();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<KnowledgeBaseFileDetail> GetAllKnowledgeBaseFilesAsync(string knowledgebaseId, KnowledgeBaseFileType? type = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        var first = new GetKnowledgeBaseFileRequest { KnowledgeBaseId = knowledgebaseId, Type = type, Page = 1, PageSize = pageSize };
        first.Validate();
        return Files(first, cancellationToken);

        async IAsyncEnumerable<KnowledgeBaseFileDetail> Files(GetKnowledgeBaseFileRequest request, [EnumeratorCancellation] CancellationToken token)
        {
            var page = 1;
            while (true)
            {
                var result = await GetKnowledgeBaseFileAsync(request with { Page = page }, token).ConfigureAwait(false);
                foreach (var file in result.Files)
                {
                    yield return file;
                }

                var pages = result.Total is { } total && result.PageSize is > 0 ? (int?)((total + result.PageSize.Value - 1) / result.PageSize.Value) : null;
                if (Paging.IsLastPage(page, pages, result.Total, result.PageSize ?? request.PageSize, result.Files.Count))
                {
                    yield break;
                }

                page++;
            }
        }
    }

    /// <inheritdoc />
    public Task<SuccessResult> DeleteKnowledgeBaseFileAsync(DeleteKnowledgeBaseFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Succeed(Routes.DeleteKnowledgeBaseFile, (call, token) => _api.DeleteKnowledgeBaseFileAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuccessResult> BindProfileTemplateAsync(BindProfileTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Succeed(Routes.BindProfileTemplate, (call, token) => _api.BindProfileTemplateAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuccessResult> EditProfileAsync(EditProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Succeed(Routes.EditProfile, (call, token) => _api.EditProfileAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SuccessResult> DeleteProfileAsync(DeleteProfileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Succeed(Routes.DeleteProfile, (call, token) => _api.DeleteProfileAsync(request, _transport.Headers, call, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AddProfileTemplateResult> AddProfileTemplateAsync(AddProfileTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return (await _transport.SendAsync(Routes.AddProfileTemplate, (call, token) => _api.AddProfileTemplateAsync(request, _transport.Headers, call, token), Json.AddProfileTemplateResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<ListProfileTemplatesResult> ListProfileTemplatesAsync(ListProfileTemplatesRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new ListProfileTemplatesRequest();
        request.Validate();
        return await _transport.SendAsync(Routes.ListProfileTemplates, (call, token) => _api.ListProfileTemplatesAsync(request, _transport.Headers, call, token), Json.ListProfileTemplatesResult, cancellationToken).ConfigureAwait(false)
               ?? new ListProfileTemplatesResult();
    }

    /// <inheritdoc />
    public async Task<ProfileTemplate> GetProfileTemplateAsync(string profileTemplateId, CancellationToken cancellationToken = default)
    {
        var request = new ProfileTemplateIdRequest { ProfileTemplateId = profileTemplateId };
        request.Validate();
        var result = await _transport.SendAsync(Routes.GetProfileTemplate, (call, token) => _api.GetProfileTemplateAsync(request, _transport.Headers, call, token), Json.GetProfileTemplateResult, cancellationToken).ConfigureAwait(false);
        return result?.ProfileTemplate ?? throw MissingData(Routes.GetProfileTemplate);
    }

    /// <inheritdoc />
    public async Task<UpdateProfileTemplateResult> UpdateProfileTemplateAsync(UpdateProfileTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return (await _transport.SendAsync(Routes.UpdateProfileTemplate, (call, token) => _api.UpdateProfileTemplateAsync(request, _transport.Headers, call, token), Json.UpdateProfileTemplateResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<DeleteProfileTemplateResult> DeleteProfileTemplateAsync(string profileTemplateId, CancellationToken cancellationToken = default)
    {
        var request = new ProfileTemplateIdRequest { ProfileTemplateId = profileTemplateId };
        request.Validate();
        return (await _transport.SendAsync(Routes.DeleteProfileTemplate, (call, token) => _api.DeleteProfileTemplateAsync(request, _transport.Headers, call, token), Json.DeleteProfileTemplateResult, cancellationToken, dataRequired: true).ConfigureAwait(false))!;
    }

    /// <summary>Releases the connection pool, when this client created it. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>Sends the next calls with a rotated API key (dependency injection calls it when configuration reloads).</summary>
    internal void UseApiKey(string? apiKey) => _transport.UseCredentials(TransportSettings.AuthorizationFor(apiKey, "Token"), apiKey);

    // Some answers are an object in one service version and a list in another (SPEC §6.3, §9.3).
    private static T[] ReadOneOrList<T>(JsonElement data, JsonTypeInfo<T> info, string route)
    {
        try
        {
            return data.ValueKind switch
            {
                JsonValueKind.Array => data.EnumerateArray().Select(item => item.Deserialize(info) ?? throw new JsonException("A list item is null.")).ToArray(),
                JsonValueKind.Object => [data.Deserialize(info)!],
                _ => [],
            };
        }
        catch (JsonException exception)
        {
            throw MemOSErrorFactory.InvalidResponse(MemOSOperation.For(route).Name, "the data is not of the expected shape", System.Net.HttpStatusCode.OK, traceId: null, exception);
        }
    }

    private async Task<SuccessResult> Succeed(string route, Func<MemOSCall, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
        => await _transport.SendAsync(route, send, Json.SuccessResult, cancellationToken).ConfigureAwait(false)
           ?? new SuccessResult { Success = true };

    private static MemOSException MissingData(string route) => MemOSErrorFactory.MissingData(MemOSOperation.For(route).Name);

    /// <summary>
    /// The handler behind every client the SDK builds itself: connections are recycled so DNS
    /// changes are seen, an abandoned stream closes its connection instead of draining it, and a
    /// redirect is never followed (it would drop the API key and can turn a POST into a GET).
    /// </summary>
    internal static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        MaxResponseDrainSize = 0,
    };

}
