namespace MemOS.Client.Chat;

/// <summary>
/// The user's recalled preferences rendered as Markdown (<c>type: "pref_md_string"</c>);
/// sent by the self-hosted server when preferences are included.
/// </summary>
/// <param name="Markdown">The Markdown text.</param>
public sealed record ChatStreamPreferenceMarkdown(string Markdown) : ChatStreamEvent;
