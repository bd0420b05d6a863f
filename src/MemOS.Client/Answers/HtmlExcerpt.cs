using System.Net;
using System.Text.RegularExpressions;

namespace MemOS.Client.Answers;

/// <summary>
/// The readable text at the start of an HTML error page (a gateway's "502 Bad Gateway"), for the
/// exception's ServerMessage: tags, scripts, styles and comments removed, entities decoded, white
/// space collapsed, at most <see cref="MaxChars"/> characters.
/// </summary>
internal static partial class HtmlExcerpt
{
    public const int MaxChars = 200;

    /// <summary>The excerpt of <paramref name="html"/>; null when it has no text.</summary>
    public static string? Of(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Markup().Replace(html, " "));
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text.Length > MaxChars ? text[..MaxChars].TrimEnd() + "…" : text;
    }

    // Elements whose content is not text, comments, tags, and a tag cut off at the end of what was read.
    [GeneratedRegex(
        @"<(script|style)\b[^>]*>.*?(</\1\s*>|$)|<!--.*?(-->|$)|<[^>]*(>|$)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
