using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MemOS.Client.Cli.Tests;

/// <summary>
/// <c>memos mcp</c> running in this process, its standard input and output joined by pipes to a real MCP client.
/// </summary>
internal sealed class InProcessMcpServer : IAsyncDisposable
{
    private readonly Pipe _toServer;
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _server;

    private InProcessMcpServer(Pipe toServer, CancellationTokenSource stop, Task<int> server, McpClient client)
        => (_toServer, _stop, _server, Client) = (toServer, stop, server, client);

    /// <summary>The MCP client, initialized.</summary>
    public McpClient Client { get; }

    /// <summary>Cancelled when the test has run too long (a minute), so that a hang fails it.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Runs <c>memos mcp</c> with <paramref name="arguments"/> against the service at <paramref name="baseUrl"/>.</summary>
    public static async Task<InProcessMcpServer> StartAsync(string apiKey, string baseUrl, params string[] arguments)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var environment = new CliEnvironment
        {
            Console = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            ErrorConsole = CliEnvironment.CreateConsole(TextWriter.Null, redirected: true),
            Output = TextWriter.Null,
            StandardInput = toServer.Reader.AsStream(),
            StandardOutput = toClient.Writer.AsStream(),
            Error = TextWriter.Null,
            Variable = name => name switch { "MEMOS_API_KEY" => apiKey, "MEMOS_BASE_URL" => baseUrl, _ => null },
        };
        var server = MemosCli.RunAsync(["mcp", .. arguments], environment, stop.Token);
        try
        {
            var transport = new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream());
            var client = await McpClient.CreateAsync(transport, cancellationToken: stop.Token);
            return new(toServer, stop, server, client);
        }
        catch
        {
            stop.Dispose();
            throw;
        }
    }

    /// <summary>The text of a tool's result, which holds one text block.</summary>
    public static string Text(CallToolResult result)
        => result.Content.OfType<TextContentBlock>().Should().ContainSingle().Subject.Text;

    /// <summary>Calls <paramref name="tool"/> with <paramref name="arguments"/>.</summary>
    public Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments)
        => Client.CallToolAsync(tool, arguments, cancellationToken: Token).AsTask();

    /// <summary>Closes the client and the server's input, as a host ending the session does; gives the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await CloseAsync();
        return await _server.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _stop.Dispose();
    }

    private async Task CloseAsync()
    {
        await Client.DisposeAsync();
        await _toServer.Writer.CompleteAsync();
    }
}
