using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MemOS.Client.Cli;

/// <summary>
/// Tokens that look like options but name none of the command's. The parser takes such a token as an
/// argument's value when the command has one free (<c>memos search --user bob --qery hotel</c> would
/// search for "--qery"), so a typo would send a request other than the one meant: each is a usage
/// error instead, naming the option the user most likely meant.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>
    /// One message for each token before <c>--</c> that looks like an option and is taken as a value.
    /// </summary>
    public static IReadOnlyList<string> In(ParseResult parsed)
    {
        var known = KnownNames(parsed.CommandResult);
        return [.. parsed.Tokens
            .TakeWhile(token => token.Type != TokenType.DoubleDash)
            .Where(token => token.Type == TokenType.Argument && LooksLikeOption(token.Value))
            .Select(token => Nearest(token.Value, known) is { } meant
                ? $"Unknown option '{token.Value}'; did you mean '{meant}'?"
                : $"Unknown option '{token.Value}'. A value that starts with '-' goes after '--'.")];
    }

    // A negative number is a value, not an option.
    private static bool LooksLikeOption(string value)
        => value.Length > 1 && value[0] == '-'
           && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The names and aliases of the command's options and of its parents' options that apply to it.</summary>
    private static List<string> KnownNames(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var owner })
            {
                foreach (var option in owner.Options.Where(option => result == command || option.Recursive))
                {
                    names.Add(option.Name);
                    names.AddRange(option.Aliases);
                }
            }
        }

        return names;
    }

    /// <summary>The known name fewest edits away, when it is close enough to be a typo of it.</summary>
    private static string? Nearest(string typed, List<string> known)
        => known
            .Select(name => (Name: name, Edits: Edits(typed, name)))
            .Where(candidate => candidate.Edits <= Math.Max(1, candidate.Name.Length / 3))
            .OrderBy(candidate => candidate.Edits)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();

    // Levenshtein distance, one row at a time.
    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
