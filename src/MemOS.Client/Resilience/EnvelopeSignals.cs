namespace MemOS.Client.Resilience;

/// <summary>The two body fields a retry decision needs: the envelope <c>code</c> and a 429 body's <c>retry_after</c>.</summary>
internal readonly record struct EnvelopeSignals(int? Code, double? RetryAfterSeconds);
