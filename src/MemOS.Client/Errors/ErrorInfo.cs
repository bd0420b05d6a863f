namespace MemOS.Client.Errors;

/// <summary>One row of the error table.</summary>
/// <param name="Kind">The exception family.</param>
/// <param name="Meaning">What the failure means.</param>
/// <param name="Fix">What the caller can do.</param>
/// <param name="Transient">Whether the same request may succeed later, beyond what the family implies.</param>
/// <param name="NotProcessed">Whether the answer proves the service did not process the request, so that even a write
/// may be sent again.</param>
internal readonly record struct ErrorInfo(
    ErrorKind Kind,
    string Meaning,
    string Fix,
    bool Transient = false,
    bool NotProcessed = false)
{
    public bool IsTransient => Transient || Kind is ErrorKind.RateLimit or ErrorKind.Server;

    /// <summary>
    /// The row <see cref="Rulebook"/> and the exception read: an answer may be repeated at once unless its wait says
    /// otherwise.
    /// </summary>
    public FailureRow Row => new(IsTransient, NotProcessed);
}
