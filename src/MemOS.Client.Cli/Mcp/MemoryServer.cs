using System.Reflection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// What every <c>memos mcp</c> server offers, on standard input and output or over HTTP: its name,
/// instructions, tools and prompt. Built once per user and applied to each MCP server made for them.
/// </summary>
internal sealed class MemoryServer
{
    private readonly McpServerPrimitiveCollection<McpServerTool> _tools = [];
    private readonly McpServerPrimitiveCollection<McpServerPrompt> _prompts = [new GuidancePrompt()];

    public MemoryServer(MemoryTools tools)
    {
        foreach (var tool in tools.Create())
        {
            _tools.Add(tool);
        }
    }

    public void Configure(McpServerOptions options)
    {
        // The package version, as `memos --version` prints it (the assembly version drops the prerelease suffix).
        var version = typeof(MemoryServer).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        options.ServerInfo = new Implementation { Name = "memos", Version = version ?? "0.0.0" };
        options.ServerInstructions = ServerGuidance.Instructions;
        options.ToolCollection = _tools;
        options.PromptCollection = _prompts;
        options.Filters.Message.IncomingFilters.Add(LoneSurrogateFilter.Apply);
    }
}
