using System.CommandLine;
using System.Reflection;
using MemOS.Client.Cli.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Commands;

/// <summary><c>memos mcp [--user ID]</c>: a Model Context Protocol server over standard input and output.</summary>
internal static class McpCommand
{
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string?>("--user") { Description = "Serve this one user only (MEMOS_USER_ID when omitted): no tool then takes a userId, so the assistant cannot reach other users' memories." };
        // A long-lived server: an unreachable service fails each call as a tool error, and the server stays.
        var command = new Command("mcp", "Serve MemOS memory tools (search, add, get, delete, feedback, chat) to an AI assistant over MCP on standard input and output; ends when the assistant closes standard input.") { user };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(global, environment, result, async (session, token) =>
        {
            var pinned = result.GetValue(user) ?? environment.Variable("MEMOS_USER_ID");
            if (pinned is not null && string.IsNullOrWhiteSpace(pinned))
            {
                throw new CliException("--user (or MEMOS_USER_ID) must not be empty.");
            }

            var tools = new McpServerPrimitiveCollection<McpServerTool>();
            foreach (var tool in new MemoryTools(session.Client, pinned).Create())
            {
                tools.Add(tool);
            }

            var options = new McpServerOptions
            {
                ServerInfo = new Implementation { Name = "memos", Version = typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0" },
                ToolCollection = tools,
            };
            try
            {
                var transport = new StreamServerTransport(environment.StandardInput, environment.StandardOutput, "memos");
                await using (transport)
                {
                    var server = McpServer.Create(transport, options);
                    await using (server)
                    {
                        await server.RunAsync(token);
                    }
                }
            }
            catch (IOException)
            {
                // The client went away (its end of standard output closed): the session is over, as when it closes standard input.
            }

            return ExitCodes.Success;
        }, cancellationToken, failFast: false));
        return command;
    }
}
