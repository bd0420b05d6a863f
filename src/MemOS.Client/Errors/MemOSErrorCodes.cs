namespace MemOS.Client;

/// <summary>
/// The envelope <c>code</c> values the MemOS cloud documents, for comparing with
/// <see cref="MemOSException.Code"/>. <c>0</c> (and <c>200</c> on the self-hosted server) mean success.
/// </summary>
public static class MemOSErrorCodes
{
    /// <summary>40000: invalid request parameters (bad JSON structure or field type).</summary>
    public const int InvalidParameters = 40000;

    /// <summary>40001: the requested data was not found.</summary>
    public const int DataNotFound = 40001;

    /// <summary>40002: a required field is empty.</summary>
    public const int RequiredFieldEmpty = 40002;

    /// <summary>40003: a field is empty (empty list or object).</summary>
    public const int FieldEmpty = 40003;

    /// <summary>40006: unsupported type value.</summary>
    public const int UnsupportedType = 40006;

    /// <summary>40007: unsupported file type.</summary>
    public const int UnsupportedFileType = 40007;

    /// <summary>40008: invalid Base64 content.</summary>
    public const int InvalidBase64Content = 40008;

    /// <summary>40009: invalid Base64 format.</summary>
    public const int InvalidBase64Format = 40009;

    /// <summary>40010: user_id is longer than 100 characters.</summary>
    public const int UserIdTooLong = 40010;

    /// <summary>40011: conversation_id is longer than 100 characters.</summary>
    public const int ConversationIdTooLong = 40011;

    /// <summary>40013: the messages are longer than the per-request limit.</summary>
    public const int MessagesTooLong = 40013;

    /// <summary>40020: invalid project id.</summary>
    public const int InvalidProjectId = 40020;

    /// <summary>40100: an API key is required.</summary>
    public const int ApiKeyRequired = 40100;

    /// <summary>40103: the API key is invalid, expired or not for this project.</summary>
    public const int ApiKeyNotForProject = 40103;

    /// <summary>40130: an API key is required.</summary>
    public const int ApiKeyMissing = 40130;

    /// <summary>40132: the API key is invalid or expired.</summary>
    public const int ApiKeyInvalid = 40132;

    /// <summary>40300: the rate limit or call limit was exceeded.</summary>
    public const int RateLimited = 40300;

    /// <summary>40301: the chat request-token quota is exhausted.</summary>
    public const int RequestTokenQuotaExceeded = 40301;

    /// <summary>40302: the chat response-token quota is exhausted.</summary>
    public const int ResponseTokenQuotaExceeded = 40302;

    /// <summary>40303: the chat is longer than the model allows.</summary>
    public const int ChatTooLong = 40303;

    /// <summary>40304: the account's total API call quota is exhausted.</summary>
    public const int CallQuotaExhausted = 40304;

    /// <summary>40305: the input exceeds the single-request token limit.</summary>
    public const int InputTooLong = 40305;

    /// <summary>40306: not allowed to delete this memory.</summary>
    public const int DeleteNotAllowed = 40306;

    /// <summary>40307: the memory to delete or update does not exist.</summary>
    public const int MemoryNotFound = 40307;

    /// <summary>40308: the user of the memory to delete does not exist.</summary>
    public const int UserNotFound = 40308;

    /// <summary>40309: token usage is over the per-time-window limit.</summary>
    public const int TokenWindowExceeded = 40309;

    /// <summary>50000: internal service error.</summary>
    public const int InternalError = 50000;

    /// <summary>50002: the operation failed.</summary>
    public const int OperationFailed = 50002;

    /// <summary>50004: the memory service is temporarily unavailable.</summary>
    public const int MemoryServiceUnavailable = 50004;

    /// <summary>50005: the search service is temporarily unavailable.</summary>
    public const int SearchServiceUnavailable = 50005;

    /// <summary>50103: more than 20 files in one upload.</summary>
    public const int TooManyFiles = 50103;

    /// <summary>50104: a file is larger than 100 MB.</summary>
    public const int FileTooLarge = 50104;

    /// <summary>50105: the upload is larger than 300 MB in total.</summary>
    public const int UploadTooLarge = 50105;

    /// <summary>50107: invalid file format.</summary>
    public const int InvalidFileFormat = 50107;

    /// <summary>50120: the knowledge base was not found.</summary>
    public const int KnowledgeBaseNotFound = 50120;

    /// <summary>50123: the knowledge base is not linked to this project.</summary>
    public const int KnowledgeBaseNotLinked = 50123;

    /// <summary>50131: the task was not found.</summary>
    public const int TaskNotFound = 50131;

    /// <summary>50143: adding the memory failed in the algorithm service.</summary>
    public const int AddMemoryFailed = 50143;

    /// <summary>50144: saving the messages or chat history failed.</summary>
    public const int AddMessageFailed = 50144;

    /// <summary>50145: saving the feedback and writing memory failed.</summary>
    public const int FeedbackFailed = 50145;
}
