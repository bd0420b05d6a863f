namespace MemOS.Client.Api;

/// <summary>How a route's successful answer is laid out.</summary>
internal enum AnswerShape
{
    /// <summary>The envelope <c>{code, message, data}</c>; a body without a code is not MemOS's answer.</summary>
    Envelope,

    /// <summary>The envelope, or the data itself as a bare body (the documents' rerank answer).</summary>
    EnvelopeOrBare,

    /// <summary>
    /// The envelope, whose code may be missing on success (the self-hosted chat/complete's <c>{message, data}</c>).
    /// </summary>
    CodeOptional,
}
