namespace MemOS.Client.Transport;

/// <summary>The media types that decide how an answer is read.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    public static bool IsEventStream(string? mediaType) => string.Equals(mediaType, EventStream, StringComparison.OrdinalIgnoreCase);

    public static bool IsHtml(string? mediaType)
        => mediaType is not null
           && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>JSON, or a label a JSON envelope has been seen under (<c>text/plain</c>, none at all).</summary>
    public static bool MayBeJson(string? mediaType)
        => mediaType is null
           || mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
           || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
           || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
           || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
}
