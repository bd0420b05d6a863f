namespace MemOS.Client.Errors;

/// <summary>The exception family a failure belongs to; one per way a caller reacts.</summary>
internal enum ErrorKind
{
    Other,
    Validation,
    RequestTooLarge,
    Authentication,
    Quota,
    RateLimit,
    NotFound,
    Server,
}
