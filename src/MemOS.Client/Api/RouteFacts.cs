using MemOS.Client.Telemetry;

namespace MemOS.Client.Api;

/// <summary>
/// What the SDK knows about one route, read by every layer a call passes through: the resilience
/// handler (may it be repeated, may it run long), the answer reader (its shape, whether data must
/// be there) and telemetry (its names). Each route's facts are in its row of <see cref="CloudCalls"/> or
/// <see cref="ServerCalls"/>.
/// </summary>
/// <param name="Path">The route relative to the base URL, one of the paths the Refit interfaces declare.</param>
/// <param name="Repeatable">
/// Whether sending it twice does no more than sending it once. The API has no idempotency key, so a
/// route that is not is repeated only when the failed attempt proves the service did not process it.
/// </param>
/// <param name="Answer">How its successful answer is laid out.</param>
/// <param name="DataRequired">Whether an answer without data is unreadable (and fails, as every other bad answer does)
/// rather than an empty result.</param>
/// <param name="GenAIOperation">The OpenTelemetry GenAI operation name (<c>gen_ai.operation.name</c>), for routes the
/// conventions name; <c>chat</c> marks a route whose answer a model generates.</param>
/// <param name="GoneMeansDone">Whether "not found" after a retry whose earlier attempt may have been applied means that
/// attempt did the work (a delete).</param>
internal sealed record RouteFacts(
    string Path,
    bool Repeatable,
    AnswerShape Answer,
    bool DataRequired,
    string? GenAIOperation = null,
    bool GoneMeansDone = false)
{
    /// <summary>
    /// The route without its leading slash, such as <c>search/memory</c> or <c>get/memory/{id}</c>: never an id of the
    /// caller's.
    /// </summary>
    public string Name { get; } = Path.TrimStart('/');

    /// <summary>Whether repeating it could apply a change twice.</summary>
    public bool IsWrite => !Repeatable;

    /// <summary>Whether a model generates the answer, so an attempt may run long.</summary>
    public bool IsGeneration => GenAIOperation == GenAIMemoryOperation.Chat;

    /// <summary>
    /// A request the SDK did not build (sent through the resilience handler by other code): treated as an unrepeatable
    /// write.
    /// </summary>
    public static RouteFacts Unknown(string name)
        => new(name, Repeatable: false, AnswerShape.Envelope, DataRequired: false);
}
