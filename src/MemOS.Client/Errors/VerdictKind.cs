namespace MemOS.Client.Errors;

/// <summary>The kinds of answer the answer classifier (<c>Answers/ResponseClassifier</c>) tells apart.</summary>
internal enum VerdictKind
{
    /// <summary>A JSON answer with a success code (or none, where the route allows it); its body is buffered.</summary>
    Success,

    /// <summary>An empty 2xx body answering a write: accepted, with nothing to report (no task id).</summary>
    Accepted,

    /// <summary>An event stream answering a stream request; its body is left unread for the stream reader.</summary>
    Stream,

    /// <summary>Anything else: an error code, an HTTP error, a redirect, or an answer that is not MemOS's.</summary>
    Failure,
}
