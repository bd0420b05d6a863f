using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Mcp;

/// <summary>
/// One MCP tool: its schema is made from its parameters, every call is checked against them, and
/// every outcome is a result: JSON text on success, a tool error naming the problem otherwise.
/// </summary>
internal sealed class MemoryTool : McpServerTool
{
    private readonly IReadOnlyList<ToolParameter> _parameters;
    private readonly Func<ToolArguments, CancellationToken, Task<object>> _call;
    private readonly Uri _service;

    public MemoryTool(
        string name,
        string description,
        ToolAnnotations annotations,
        IReadOnlyList<ToolParameter> parameters,
        Func<ToolArguments, CancellationToken, Task<object>> call,
        Uri service)
    {
        _parameters = parameters;
        _call = call;
        _service = service;
        ProtocolTool = new Tool
        {
            Name = name,
            Description = description,
            InputSchema = ToolSchema.For(parameters),
            Annotations = annotations,
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var arguments = ToolArguments.Check(_parameters, request.Params?.Arguments);
            return Result(
                CliJson.Serialize(await _call(arguments, cancellationToken).ConfigureAwait(false)),
                isError: false);
        }
        catch (ToolArgumentException error)
        {
            return Invalid(error);
        }
        catch (MemOSConnectionException error)
        {
            // The server stays up for the next call; the assistant's user needs to know where it looked and what to
            // change.
            return Result($"MemOS call failed: {CliMessages.Describe(error)} This server calls MemOS at {_service}: "
                + "check that this address is right (--base-url or MEMOS_BASE_URL) and reachable from the machine "
                + "running memos mcp.", isError: true);
        }
        catch (MemOSException error)
        {
            return Result("MemOS call failed: " + CliMessages.Describe(error), isError: true);
        }
    }

    /// <summary>The answer to a call whose arguments do not fit: a tool error the assistant can act on.</summary>
    public static CallToolResult Invalid(ToolArgumentException error)
        => Result("Invalid arguments: " + error.Message, isError: true);

    private static CallToolResult Result(string text, bool isError) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = isError,
    };
}
