namespace MemOS.Client.Testing;

/// <summary>
/// One request the emulator answered, as <see cref="MemOSEmulator.Requests"/> lists it. It never holds the API key.
/// </summary>
/// <param name="Time">When the answer was complete, on the emulator's clock.</param>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The request path, e.g. <c>/api/openmem/v1/add/message</c>.</param>
/// <param name="UserId">The body's <c>user_id</c>, when the request had one.</param>
/// <param name="HttpStatus">The HTTP status answered; 0 when the connection was dropped without an answer.</param>
/// <param name="Code">The envelope code answered (0 for success, e.g. 40309 for a rate limit); null for answers without
/// an envelope (a stream, a 404, a dropped connection).</param>
public sealed record EmulatorRequestEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? UserId,
    int HttpStatus,
    int? Code)
{
    /// <summary>One line for a log: time, method, path, user, status and code.</summary>
    public override string ToString()
    {
        var status = HttpStatus == 0
            ? "dropped"
            : HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = Code is { } value
            ? " code=" + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        return FormattableString.Invariant($"{Time:HH:mm:ss.fff} {Method} {Path} user={UserId ?? "-"} {status}{code}");
    }
}
