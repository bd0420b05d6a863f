using System.Text.RegularExpressions;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Deterministic relevance: the share of the query's content words that occur in the memory
/// (0 to 1), so the <c>relativity</c> threshold behaves like the service's.
/// </summary>
internal static partial class RelevanceScorer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "i", "me", "my", "you", "your", "we", "is", "are", "was", "were", "am", "be", "do", "did", "does",
        "what", "which", "who", "where", "when", "how", "why", "to", "of", "in", "on", "at", "for", "and", "or", "it", "that",
        "this", "have", "has", "had", "can", "could", "would", "should", "will", "about", "please", "any", "some",
    };

    public static double Score(string query, string text)
    {
        var queryWords = Words(query);
        if (queryWords.Count == 0)
        {
            return 0;
        }

        var textWords = Words(text);
        var hits = queryWords.Count(textWords.Contains);
        return Math.Round((double)hits / queryWords.Count, 4);
    }

    private static HashSet<string> Words(string text)
        => WordPattern().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(w => !StopWords.Contains(w))
            .Select(Stem)
            .ToHashSet(StringComparer.Ordinal);

    // Folds plural and past forms so "hotels" meets "hotel" and "chose" stays itself.
    private static string Stem(string word)
        => word.Length > 4 && word.EndsWith('s') ? word[..^1] : word;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
