namespace MemOS.Client.Cli.Mcp;

/// <summary>The shapes a tool argument can take; each has one schema and one check.</summary>
internal enum ToolValueKind
{
    /// <summary>A non-empty string.</summary>
    Text,

    /// <summary>A non-empty array of non-empty strings.</summary>
    TextList,

    /// <summary>
    /// A non-empty array of messages: <c>role</c> (one of the SDK's roles), <c>content</c>, optional <c>chat_time</c>.
    /// </summary>
    Messages,

    /// <summary>A whole number from 1 to the parameter's <see cref="ToolParameter.Maximum"/>.</summary>
    Count,
}
