using System.Net.Http.Headers;

namespace MemOS.Client.Api;

/// <summary>The media types that decide how an answer is read.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// The media type of <paramref name="headers"/>' <c>Content-Type</c>, without its parameters; null when absent or
    /// not of the form <c>type/subtype</c>. Read unparsed: the header's typed value is never needed here.
    /// </summary>
    public static string? Of(HttpContentHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values) || values.Count == 0)
        {
            return null;
        }

        var value = values.ToString();
        var end = value.IndexOf(';');
        var mediaType = (end < 0 ? value.AsSpan() : value.AsSpan(0, end)).Trim();
        var slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.ContainsAny(" \t,"))
        {
            return null;
        }

        return mediaType.Length == value.Length ? value : mediaType.ToString();
    }

    public static bool IsEventStream(string? mediaType)
        => string.Equals(mediaType, EventStream, StringComparison.OrdinalIgnoreCase);

    public static bool IsHtml(string? mediaType)
        => mediaType is not null
           && (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
               || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>JSON, or a label a JSON envelope has been seen under (<c>text/plain</c>, none at all).</summary>
    public static bool MayBeJson(string? mediaType)
        => mediaType is null
           || mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
           || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
           || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
           || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
}
