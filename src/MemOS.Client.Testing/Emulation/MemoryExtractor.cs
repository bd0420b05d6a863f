using System.Text.RegularExpressions;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// A deterministic stand-in for MemOS's extraction model: every user statement (questions are
/// not statements) becomes one fact, and statements of a liking or a dislike also become a
/// preference.
/// </summary>
internal static partial class MemoryExtractor
{
    public static IEnumerable<string> Statements(string text)
        => SentenceBreak().Split(text).Select(s => s.Trim())
            .Where(s => s.Length > 0 && !s.EndsWith('?') && !s.EndsWith('？'));

    public static bool IsPreference(string sentence) => PreferenceCue().IsMatch(sentence);

    public static string Title(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(6)).TrimEnd('.', '!', '?', ',');
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(
        @"\b(I|we)\s+(really\s+)?(like|love|prefer|enjoy|hate|dislike|don't like|do not like|can't stand)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex PreferenceCue();
}
