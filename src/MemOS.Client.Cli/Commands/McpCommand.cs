using System.CommandLine;
using MemOS.Client.Cli.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos mcp</c>: a Model Context Protocol server over standard input and output.</summary>
internal static class McpCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var command = new Command("mcp", "Serve MemOS memory tools (search, add, get, delete, feedback, chat) to an AI assistant over MCP on standard input and output.");
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, async (client, token) =>
        {
            var tools = new McpServerPrimitiveCollection<McpServerTool>();
            foreach (var tool in new MemoryTools(client).Create())
            {
                tools.Add(tool);
            }

            var options = new McpServerOptions
            {
                ServerInfo = new Implementation { Name = "memos", Version = typeof(McpCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
                ToolCollection = tools,
            };
            var transport = new StreamServerTransport(environment.StandardInput, environment.StandardOutput, "memos");
            await using (transport)
            {
                var server = McpServer.Create(transport, options);
                await using (server)
                {
                    await server.RunAsync(token);
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
