namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// One argument of a tool: its schema and its check are both made from this. <paramref name="Maximum"/> bounds a
/// <see cref="ToolValueKind.Count"/>.
/// </summary>
internal sealed record ToolParameter(
    string Name,
    ToolValueKind Kind,
    bool Required,
    string Description,
    int Maximum = 0);
