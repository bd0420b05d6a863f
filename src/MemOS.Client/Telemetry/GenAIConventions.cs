namespace MemOS.Client.Telemetry;

/// <summary>
/// The names and bucket boundaries the OpenTelemetry GenAI semantic conventions give client calls
/// and memory operations (Development stability), so GenAI-aware backends show MemOS calls next to
/// other models' and memory stores'. What each MemOS field maps to is decided in
/// <see cref="GenAIRequestTags"/>.
/// </summary>
internal static class GenAIConventions
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string ConversationId = "gen_ai.conversation.id";
    public const string MemoryStoreId = "gen_ai.memory.store.id";
    public const string MemoryRecordId = "gen_ai.memory.record.id";
    public const string MemoryRecordCount = "gen_ai.memory.record.count";
    public const string TimeToFirstChunk = "gen_ai.response.time_to_first_chunk";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";

    // Content: recorded only when the caller opts in (ContentCapture).
    public const string MemoryQueryText = "gen_ai.memory.query.text";
    public const string MemoryRecords = "gen_ai.memory.records";
    public const string InputMessages = "gen_ai.input.messages";
    public const string OutputMessages = "gen_ai.output.messages";

    public const string OperationDurationMetric = "gen_ai.client.operation.duration";
    public const string TimeToFirstChunkMetric = "gen_ai.client.operation.time_to_first_chunk";

    /// <summary>
    /// The variable the conventions name for the content opt-in: <c>true</c> records queries, records and messages.
    /// </summary>
    public const string CaptureContentVariable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

    /// <summary>
    /// The conventions' explicit bucket advice for GenAI durations, in seconds: 10 ms doubling to
    /// 82 s, so both a fast search and a long streamed answer land in a bucket of their own.
    /// Without advice an exporter uses its millisecond defaults, and every call falls in the first bucket.
    /// </summary>
    public static IReadOnlyList<double> DurationBuckets { get; } =
        [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
}
