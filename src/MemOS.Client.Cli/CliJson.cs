using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Import;
using MemOS.Client.Memories;

namespace MemOS.Client.Cli;

/// <summary>
/// Results as JSON for scripts and MCP clients: UTF-8 text as written, escaped only where JSON
/// requires it (control characters, quote, backslash; never Chinese, emoji or <c>&lt; &gt; &amp; '</c>),
/// nulls left out. The output is a result, never embedded in HTML.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = ReadableJsonEncoder.Instance,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes one JSON object and a newline to standard output.</summary>
    public static Task WriteAsync(CliEnvironment environment, object value)
        => environment.Output.WriteLineAsync(Serialize(value));

    /// <summary>What a search found, as the tool prints and serves it.</summary>
    public static object Search(SearchMemoryResult found) => new
    {
        memories = found.Memories.Select(m => new
        {
            id = m.Id,
            memory = m.MemoryValue,
            relevance = m.Relativity,
            conversation_id = m.ConversationId,
        }),
        preferences = found.Preferences.Select(p => new
        {
            id = p.Id,
            preference = p.Preference,
            relevance = p.Relativity,
        }),
        preference_note = found.PreferenceNote,
    };
}
