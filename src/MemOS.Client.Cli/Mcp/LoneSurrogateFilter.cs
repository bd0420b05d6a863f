using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// Answers a tool call with an argument holding a lone UTF-16 surrogate as the tool error it is, naming
/// the argument. It must run on the raw message: the MCP SDK cannot read such arguments and would
/// answer with an internal error before any tool sees them.
/// </summary>
internal static class LoneSurrogateFilter
{
    public static McpMessageHandler Apply(McpMessageHandler next) => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall } call
            && call.Params?["arguments"] is JsonObject arguments
            && ToolArguments.FindLoneSurrogate(arguments) is { } error)
        {
            var result = JsonSerializer.SerializeToNode(
                MemoryTool.Invalid(error),
                McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
            // The server in the context is bound to the request's transport (over HTTP, the POST that carried it).
            await context.Server.SendMessageAsync(new JsonRpcResponse
            {
                Id = call.Id,
                Result = result,
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(context, cancellationToken).ConfigureAwait(false);
    };
}
