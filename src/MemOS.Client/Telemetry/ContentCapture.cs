namespace MemOS.Client.Telemetry;

/// <summary>
/// Whether spans may carry what the caller wrote and what the service returned (queries, memory
/// records, chat messages). Off unless the client's option turns it on, or, when the option is
/// not set, <c>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT</c> is <c>true</c>: such text is
/// often personal, and traces are kept and shared more widely than the data they describe.
/// </summary>
internal static class ContentCapture
{
    /// <summary>The choice for a new client: its option when set, else the environment variable's.</summary>
    /// <param name="option">The client's <c>CaptureMessageContent</c> option.</param>
    /// <param name="variable">Reads an environment variable; the process environment when null.</param>
    public static bool IsOn(bool? option, Func<string, string?>? variable = null)
        => option ?? bool.TryParse(
            (variable ?? Environment.GetEnvironmentVariable)(GenAIConventions.CaptureContentVariable)?.Trim(),
            out var on) && on;
}
