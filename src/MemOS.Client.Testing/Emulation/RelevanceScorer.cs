using System.Text.RegularExpressions;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Deterministic relevance: the share of the query's content terms that occur in the memory
/// (0 to 1), so the <c>relativity</c> threshold behaves like the service's. Words are compared by
/// a rough stem ("hotels" meets "hotel", "chose" meets "choose"); Chinese, Japanese and Korean
/// text, written without spaces, is compared by pairs of characters, so "绿茶" finds "我喜欢喝绿茶".
/// </summary>
internal static partial class RelevanceScorer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "i", "me", "my", "you", "your", "we", "is", "are", "was", "were", "am", "be", "do", "did",
        "does", "what", "which", "who", "where", "when", "how", "why", "to", "of", "in", "on", "at", "for", "and", "or",
        "it", "that",
        "this", "have", "has", "had", "can", "could", "would", "should", "will", "about", "please", "any", "some",
    };

    // The irregular past forms a user is likely to state a fact with, folded to the form a question asks with.
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["chose"] = "choose", ["chosen"] = "choose", ["bought"] = "buy", ["went"] = "go", ["gone"] = "go",
        ["took"] = "take", ["taken"] = "take", ["ate"] = "eat", ["eaten"] = "eat", ["drank"] = "drink",
        ["drunk"] = "drink", ["flew"] = "fly", ["flown"] = "fly", ["left"] = "leave", ["made"] = "make",
        ["met"] = "meet", ["paid"] = "pay", ["saw"] = "see", ["seen"] = "see", ["sold"] = "sell",
        ["spent"] = "spend", ["stayed"] = "stay", ["thought"] = "think", ["told"] = "tell", ["wrote"] = "write",
        ["written"] = "write", ["booked"] = "book", ["found"] = "find", ["got"] = "get", ["gave"] = "give",
        ["read"] = "read", ["lived"] = "live", ["moved"] = "move", ["picked"] = "pick", ["liked"] = "like",
    };

    public static double Score(string query, string text)
    {
        var queryTerms = Terms(query);
        if (queryTerms.Count == 0)
        {
            return 0;
        }

        var textTerms = Terms(text);
        var hits = queryTerms.Count(textTerms.Contains);
        return Math.Round((double)hits / queryTerms.Count, 4);
    }

    private static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in TermPattern().Matches(text))
        {
            if (match.Groups["cjk"].Success)
            {
                var run = match.Value;
                if (run.Length == 1)
                {
                    terms.Add(run);
                }

                for (var i = 0; i + 1 < run.Length; i++)
                {
                    terms.Add(run.Substring(i, 2));
                }
            }
            else if (match.Value.ToLowerInvariant() is var word && !StopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }

        return terms;
    }

    // A rough stem: irregular forms from the table, then the plural and past endings, then a final
    // "e", so that "hotels", "booked", "booking" and "loved" meet "hotel", "book" and "love".
    // Short words are left alone ("bus", "red").
    private static string Stem(string word)
    {
        if (!Irregular.TryGetValue(word, out var root))
        {
            root = word.Length switch
            {
                > 5 when word.EndsWith("ing", StringComparison.Ordinal) => Undouble(word[..^3]),
                > 4 when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
                > 4 when word.EndsWith("ed", StringComparison.Ordinal) => Undouble(word[..^2]),
                > 4 when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
                _ => word,
            };
        }

        return root.Length > 3 && root.EndsWith('e') ? root[..^1] : root;
    }

    // "preferred" and "stopping" lose the consonant doubled before their ending; "spelled" keeps its "ll".
    private static string Undouble(string stem)
        => stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'e' or 'o') ? stem[..^1] : stem;

    // A run of CJK characters, or a word of other letters and digits.
    [GeneratedRegex(
        @"(?<cjk>[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsHiragana}\p{IsKatakana}"
            + @"\p{IsHangulSyllables}]+)"
            + @"|(?:(?![\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsHiragana}\p{IsKatakana}"
            + @"\p{IsHangulSyllables}])[\p{L}\p{N}])+")]
    private static partial Regex TermPattern();
}
