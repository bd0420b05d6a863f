namespace MemOS.Client.Testing;

/// <summary>
/// A failure the emulator serves instead of (or before) a normal answer, injected with
/// <see cref="MemOSEmulator.InjectFault"/> to test how an application copes.
/// </summary>
public sealed record EmulatorFault
{
    private EmulatorFault()
    {
    }

    internal int? Code { get; private init; }

    internal string? Message { get; private init; }

    internal int? HttpStatus { get; private init; }

    internal TimeSpan? RetryAfter { get; private init; }

    internal TimeSpan? Wait { get; private init; }

    internal bool Drop { get; private init; }

    internal int? CutAfterEvents { get; private init; }

    internal bool Hang { get; private init; }

    /// <summary>
    /// Answers HTTP 200 with this envelope code, as the service reports most errors (e.g. 40309 for a rate limit).
    /// </summary>
    /// <param name="code">The envelope code.</param>
    /// <param name="message">The envelope message; a generic one when null.</param>
    public static EmulatorFault ErrorCode(int code, string? message = null) => new() { Code = code, Message = message };

    /// <summary>Answers this HTTP status with an error envelope, optionally with a <c>Retry-After</c> header.</summary>
    /// <param name="status">The HTTP status, e.g. 429 or 503.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to send, in whole seconds.</param>
    public static EmulatorFault HttpError(int status, TimeSpan? retryAfter = null) => new()
    {
        HttpStatus = status,
        RetryAfter = retryAfter,
    };

    /// <summary>Waits before answering normally (on the emulator's clock).</summary>
    /// <param name="delay">How long to wait.</param>
    public static EmulatorFault Delay(TimeSpan delay) => new() { Wait = delay };

    /// <summary>Drops the connection without answering.</summary>
    public static EmulatorFault DropConnection() => new() { Drop = true };

    /// <summary>
    /// Never answers: the call waits until the client gives up or the emulator stops, as a timeout looks to the client.
    /// </summary>
    public static EmulatorFault NoAnswer() => new() { Hang = true };

    /// <summary>
    /// For a streamed chat: sends this many events, then ends the stream without its end event, as a cut connection
    /// looks to the client.
    /// </summary>
    /// <param name="events">Events to send before the cut.</param>
    public static EmulatorFault CutStreamAfter(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        return new() { CutAfterEvents = events };
    }
}
