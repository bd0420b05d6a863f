using System.Text;
using MemOS.Client.Memories;

namespace MemOS.Client.AI;

/// <summary>Renders recalled memories as prompt text.</summary>
internal static class MemoryPrompt
{
    private const string None = "(none)";

    /// <summary>The template filled with the memories, or null when nothing was recalled.</summary>
    public static string? Render(string template, SearchMemoryResult result)
    {
        var facts = Facts(result);
        var preferences = Preferences(result);
        if (facts is null && preferences is null)
        {
            return null;
        }

        return template.Replace("{memories}", facts ?? None, StringComparison.Ordinal)
                       .Replace("{preferences}", preferences ?? None, StringComparison.Ordinal);
    }

    /// <summary>The memories as a tool result a model can read.</summary>
    public static string ForTool(SearchMemoryResult result)
    {
        var facts = Facts(result);
        var preferences = Preferences(result);
        if (facts is null && preferences is null)
        {
            return "No memories found.";
        }

        return $"Facts:\n{facts ?? None}\n\nPreferences:\n{preferences ?? None}";
    }

    private static string? Facts(SearchMemoryResult result)
        => Lines(result.Memories.Select(memory => memory.MemoryValue));

    private static string? Preferences(SearchMemoryResult result)
    {
        var lines = Lines(result.Preferences
            .Select(preference => preference.Preference is { } text ? text + Source(preference.PreferenceType) : null));
        return string.IsNullOrWhiteSpace(result.PreferenceNote)
            ? lines
            : (lines ?? None) + "\n" + result.PreferenceNote.Trim();
    }

    // Marked so the model can weigh a stated preference above an inferred one.
    private static string Source(PreferenceType? type)
        => type == PreferenceType.Explicit ? " (stated by the user)"
           : type == PreferenceType.Implicit ? " (inferred)"
           : string.Empty;

    // A fact stated twice is stored twice and recalled twice: the model is shown it once.
    private static string? Lines(IEnumerable<string?> values)
    {
        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value) && seen.Add(value.Trim()))
            {
                text.Append(text.Length == 0 ? "- " : "\n- ").Append(value.Trim());
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
