namespace MemOS.Client.Errors;

/// <summary>
/// What each documented code and HTTP status means, how to fix it, which exception family it
/// belongs to, whether it may pass (Transient) and whether it proves the service did not process
/// the request (NotProcessed: a write so answered may be sent again). How a failure becomes its
/// exception and whether it is retried is decided from these rows by <see cref="Rulebook"/>.
/// </summary>
internal static class ErrorCatalog
{
    private static readonly Dictionary<int, ErrorInfo> Codes = new()
    {
        [MemOSErrorCodes.InvalidParameters] = new(
            ErrorKind.Validation,
            "invalid request parameters (bad JSON structure or field type)",
            "check field names and types against the API reference",
            NotProcessed: true),
        [MemOSErrorCodes.DataNotFound] = new(
            ErrorKind.NotFound,
            "the requested data was not found",
            "check the ids in the request",
            NotProcessed: true),
        [MemOSErrorCodes.RequiredFieldEmpty] = new(
            ErrorKind.Validation,
            "a required field is empty",
            "fill in every required field",
            NotProcessed: true),
        [MemOSErrorCodes.FieldEmpty] = new(
            ErrorKind.Validation,
            "a field is empty (empty list or object)",
            "send at least one item, or leave the field out",
            NotProcessed: true),
        [MemOSErrorCodes.UnsupportedType] = new(
            ErrorKind.Validation,
            "unsupported type value",
            "use one of the documented type values",
            NotProcessed: true),
        [MemOSErrorCodes.UnsupportedFileType] = new(
            ErrorKind.Validation,
            "unsupported file type",
            "upload PDF, DOCX, DOC, TXT, JSON, MD or XML documents",
            NotProcessed: true),
        [MemOSErrorCodes.InvalidBase64Content] = new(
            ErrorKind.Validation,
            "invalid Base64 content",
            "send the file's bytes Base64-encoded",
            NotProcessed: true),
        [MemOSErrorCodes.InvalidBase64Format] = new(
            ErrorKind.Validation,
            "invalid Base64 format",
            "send plain Base64 or a well-formed data URI",
            NotProcessed: true),
        [MemOSErrorCodes.UserIdTooLong] = new(
            ErrorKind.Validation,
            "user_id is longer than 100 characters",
            "use a user_id of at most 100 characters",
            NotProcessed: true),
        [MemOSErrorCodes.ConversationIdTooLong] = new(
            ErrorKind.Validation,
            "conversation_id is longer than 100 characters",
            "use a short conversation id; never put message text in it",
            NotProcessed: true),
        [MemOSErrorCodes.MessagesTooLong] = new(
            ErrorKind.RequestTooLarge,
            "the messages are longer than the per-request limit",
            "split the messages over several add/message requests",
            NotProcessed: true),
        [MemOSErrorCodes.InvalidProjectId] = new(
            ErrorKind.Validation,
            "invalid project id",
            "check the project the API key belongs to",
            NotProcessed: true),
        [MemOSErrorCodes.ApiKeyRequired] = new(
            ErrorKind.Authentication,
            "an API key is required",
            "set MemOSClientOptions.ApiKey or the MEMOS_API_KEY environment variable",
            NotProcessed: true),
        [MemOSErrorCodes.ApiKeyNotForProject] = new(
            ErrorKind.Authentication,
            "the API key is invalid, expired or not for this project",
            "use a current key of the project that owns the data",
            NotProcessed: true),
        [MemOSErrorCodes.ApiKeyMissing] = new(
            ErrorKind.Authentication,
            "an API key is required",
            "set MemOSClientOptions.ApiKey or the MEMOS_API_KEY environment variable",
            NotProcessed: true),
        [MemOSErrorCodes.ApiKeyInvalid] = new(
            ErrorKind.Authentication,
            "the API key is invalid or expired",
            "create a new key in the MemOS console",
            NotProcessed: true),
        [MemOSErrorCodes.RateLimited] = new(
            ErrorKind.RateLimit,
            "the rate limit or call limit was exceeded",
            "wait, then retry with fewer requests per second",
            NotProcessed: true),
        [MemOSErrorCodes.RequestTokenQuotaExceeded] = new(
            ErrorKind.Quota,
            "the chat request-token quota is exhausted",
            "raise the plan's quota or wait for it to reset",
            NotProcessed: true),
        [MemOSErrorCodes.ResponseTokenQuotaExceeded] = new(
            ErrorKind.Quota,
            "the chat response-token quota is exhausted",
            "lower max_tokens, or raise the plan's quota",
            NotProcessed: true),
        [MemOSErrorCodes.ChatTooLong] = new(
            ErrorKind.Quota,
            "the chat is longer than the model allows",
            "shorten the query or system prompt, or lower max_tokens",
            NotProcessed: true),
        [MemOSErrorCodes.CallQuotaExhausted] = new(
            ErrorKind.Quota,
            "the account's total API call quota is exhausted",
            "raise the plan's quota",
            NotProcessed: true),
        [MemOSErrorCodes.InputTooLong] = new(
            ErrorKind.RequestTooLarge,
            "the input exceeds the single-request token limit (documented limits: add/message and search/memory "
                + "40,000 tokens; chat, extract/memory and rerank 8,000)",
            "shorten the input or split it over several requests",
            NotProcessed: true),
        [MemOSErrorCodes.DeleteNotAllowed] = new(
            ErrorKind.Authentication,
            "not allowed to delete this memory",
            "delete only memories of this project with a key that may",
            NotProcessed: true),
        [MemOSErrorCodes.MemoryNotFound] = new(
            ErrorKind.NotFound,
            "the memory to delete or update does not exist",
            "check the memory id; it may already be gone",
            NotProcessed: true),
        [MemOSErrorCodes.UserNotFound] = new(
            ErrorKind.NotFound,
            "the user of the memory to delete does not exist",
            "check the user_id",
            NotProcessed: true),
        [MemOSErrorCodes.TokenWindowExceeded] = new(
            ErrorKind.RateLimit,
            "token usage is over the per-time-window limit",
            "lower concurrency and retry in smaller batches after a pause",
            NotProcessed: true),
        [MemOSErrorCodes.InternalError] = new(ErrorKind.Server, "internal service error", "retry later"),
        [MemOSErrorCodes.OperationFailed] = new(ErrorKind.Server, "the operation failed", "retry later"),
        [MemOSErrorCodes.MemoryServiceUnavailable] = new(
            ErrorKind.Server,
            "the memory service is temporarily unavailable",
            "retry later"),
        [MemOSErrorCodes.SearchServiceUnavailable] = new(
            ErrorKind.Server,
            "the search service is temporarily unavailable",
            "retry later"),
        [MemOSErrorCodes.TooManyFiles] = new(
            ErrorKind.Validation,
            "more than 20 files in one upload",
            "upload at most 20 files per request",
            NotProcessed: true),
        [MemOSErrorCodes.FileTooLarge] = new(
            ErrorKind.Validation,
            "a file is larger than 100 MB",
            "upload files of at most 100 MB",
            NotProcessed: true),
        [MemOSErrorCodes.UploadTooLarge] = new(
            ErrorKind.Validation,
            "the upload is larger than 300 MB in total",
            "split the upload into batches of at most 300 MB",
            NotProcessed: true),
        [MemOSErrorCodes.InvalidFileFormat] = new(
            ErrorKind.Validation,
            "invalid file format",
            "upload a supported document type",
            NotProcessed: true),
        [MemOSErrorCodes.KnowledgeBaseNotFound] = new(
            ErrorKind.NotFound,
            "the knowledge base was not found",
            "check the knowledge base id",
            NotProcessed: true),
        [MemOSErrorCodes.KnowledgeBaseNotLinked] = new(
            ErrorKind.NotFound,
            "the knowledge base is not linked to this project",
            "link it to the key's project in the MemOS console",
            NotProcessed: true),
        [MemOSErrorCodes.TaskNotFound] = new(
            ErrorKind.NotFound,
            "the task was not found",
            "check the task id returned by the write",
            NotProcessed: true),
        [MemOSErrorCodes.AddMemoryFailed] = new(
            ErrorKind.Server,
            "adding the memory failed in the algorithm service",
            "retry later; check get/status before repeating a write"),
        [MemOSErrorCodes.AddMessageFailed] = new(
            ErrorKind.Server,
            "saving the messages or chat history failed",
            "retry later; check whether the turn was stored before repeating it"),
        [MemOSErrorCodes.FeedbackFailed]
            = new(ErrorKind.Server, "saving the feedback and writing memory failed", "retry later"),
    };

    // What 50000 means when the route itself is missing (seen live: an empty message, or "endpoint not found").
    private static readonly ErrorInfo RouteUnavailable = new(
        ErrorKind.NotFound,
        "this route is not available on the service (code 50000 for an unknown endpoint)",
        "check the base URL and update the SDK; the service may no longer offer this endpoint",
        NotProcessed: true);
    /// <summary>The row of a cloud code (see <see cref="Rulebook.IsCloudCode"/>).</summary>
    /// <param name="code">The envelope code.</param>
    /// <param name="serverMessage">The service's text, which tells an unknown route from an internal error under code
    /// 50000.</param>
    public static ErrorInfo Describe(int code, string? serverMessage = null)
    {
        if (code == MemOSErrorCodes.InternalError && IsRouteNotFound(serverMessage))
        {
            return RouteUnavailable;
        }

        if (Codes.TryGetValue(code, out var info))
        {
            return info;
        }

        return code is >= 50000 and < 60000
            ? new(ErrorKind.Server, "undocumented service error", "retry later", Transient: true)
            : new(
                ErrorKind.Other,
                "undocumented error",
                "check the service message; the code is not in the MemOS error table");
    }

    private static bool IsRouteNotFound(string? serverMessage)
        => string.IsNullOrWhiteSpace(serverMessage)
           || serverMessage.Contains("not found", StringComparison.OrdinalIgnoreCase)
           || serverMessage.Contains("endpoint", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The row of an answer that is not MemOS's (a gateway's page, a cut or oversized body, data of
    /// the wrong shape): transient only when its status says the service failed.
    /// </summary>
    public static ErrorInfo Unreadable(int status)
        => status >= 500 ? DescribeHttp(status) : UnreadableAnswer;

    /// <summary>
    /// The row of a success code whose data reports failure (<c>success: false</c>): not transient, maybe processed.
    /// </summary>
    public static ErrorInfo FailedOutcome { get; }
        = new(ErrorKind.Other, "the data reports failure", "check the service message");

    private static readonly ErrorInfo UnreadableAnswer = new(
        ErrorKind.Other,
        "the answer is not MemOS's",
        "check the base URL and any proxy in between");

    /// <summary>The row of an HTTP status answered without a cloud code.</summary>
    public static ErrorInfo DescribeHttp(int status) => status switch
    {
        400 => new(ErrorKind.Validation, "bad request", "check the request fields", NotProcessed: true),
        401 => new(
            ErrorKind.Authentication,
            "the API key was not accepted",
            "check MemOSClientOptions.ApiKey",
            NotProcessed: true),
        403 => new(
            ErrorKind.Authentication,
            "the API key may not do this",
            "check the key's project and scopes",
            NotProcessed: true),
        404 => new(
            ErrorKind.NotFound,
            "not found",
            "check the ids, the base URL and the SDK version",
            NotProcessed: true),
        >= 300 and < 400 => new(
            ErrorKind.Other,
            "the service answered with a redirect, which the SDK never follows (a followed redirect drops the API key "
                + "and can turn a POST into a GET)",
            "set the base URL to the address the redirect names, if you trust it"),
        408 => new(ErrorKind.Other, "the service timed out waiting for the request", "retry", Transient: true),
        413 => new(
            ErrorKind.RequestTooLarge,
            "the request body is larger than the service accepts",
            "send less per request (split messages or files over several requests)",
            NotProcessed: true),
        414 => new(
            ErrorKind.Validation,
            "the request URL is too long (an id in its path is too long)",
            "use a shorter id",
            NotProcessed: true),
        422 => new(
            ErrorKind.Validation,
            "request validation failed",
            "fix the fields the message names",
            NotProcessed: true),
        429 => new(
            ErrorKind.RateLimit,
            "too many requests",
            "wait, then retry with fewer requests per second",
            NotProcessed: true),
        >= 500 and < 600 => new(ErrorKind.Server, "the service failed", "retry later", Transient: true),
        _ => new(ErrorKind.Other, "unexpected HTTP status", "check the base URL and any proxy in between"),
    };
}
