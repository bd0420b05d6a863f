using MemOS.Client.Memories;

/// <summary>A memory MemOS recalled for a question, as the page's panel shows it.</summary>
internal sealed record RecalledMemory(string Kind, string Text, double? Relevance)
{
    /// <summary>Facts and preferences together, most relevant first.</summary>
    public static IReadOnlyList<RecalledMemory> From(SearchMemoryResult result)
        => result.Memories.Select(m => new RecalledMemory("fact", m.MemoryValue ?? m.MemoryKey ?? string.Empty, m.Relativity))
            .Concat(result.Preferences.Select(p => new RecalledMemory("preference", p.Preference ?? string.Empty, p.Relativity)))
            .Where(m => m.Text.Length > 0)
            .OrderByDescending(m => m.Relevance ?? 0)
            .ToArray();
}
