using System.CommandLine;
using MemOS.Client.Cli.Mcp;
using MemOS.Client.Cli.Mcp.Http;
using ModelContextProtocol.Server;

namespace MemOS.Client.Cli.Commands;

/// <summary>
/// <c>memos mcp</c>: a Model Context Protocol server over standard input and output, or with
/// <c>--http ADDRESS</c> over Streamable HTTP at <c>/mcp</c> for remote assistants, behind bearer tokens.
/// </summary>
internal static class McpCommand
{
    private const string DefaultTokenVariable = "MEMOS_MCP_TOKEN";

    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var user = new Option<string?>("--user")
        {
            Description = "Serve this one user only (MEMOS_USER_ID when omitted): no tool then takes a userId, so the "
                + "assistant cannot reach other users' memories. Over HTTP, the user of the --token-env token.",
        };
        var http = new Option<string?>("--http")
        {
            Description = "Serve over Streamable HTTP at /mcp on this address and port, e.g. 127.0.0.1:8080 (port 0: a "
                + "free one; the address is printed on standard error), instead of standard input and output.",
            HelpName = "ADDRESS",
        };
        var tokenVariable = new Option<string>("--token-env")
        {
            Description = "With --http: the environment variable holding the bearer token every request must carry.",
            DefaultValueFactory = _ => DefaultTokenVariable,
            HelpName = "NAME",
        };
        var tokensFile = new Option<FileInfo?>("--tokens")
        {
            Description = "With --http: a file of 'TOKEN USER' or 'sha256:HEX USER' lines, so several users share the "
                + "server, each confined to their own memories.",
            HelpName = "FILE",
        };
        var noAuth = new Option<bool>("--no-auth")
        {
            Description = "With --http on a loopback address only: accept requests without a token.",
        };
        var allowOrigin = new Option<string[]>("--allow-origin")
        {
            Description = "With --http: a browser origin (e.g. https://app.example.com) whose pages may call the "
                + "server; requests from other origins are refused. Repeatable.",
            HelpName = "ORIGIN",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxConnections = new Option<int>("--max-connections")
        {
            Description
                = "With --http: at most this many connections at once; a connection over the limit is closed at once.",
            DefaultValueFactory = _ => 100,
            HelpName = "N",
        };

        // A long-lived server: an unreachable service fails each call as a tool error, and the server stays.
        var command = new Command("mcp", "Serve MemOS memory tools (search, add, history, profile, knowledge bases, "
            + "feedback, chat) to an AI assistant over MCP: on standard input and output until the assistant closes "
            + "it, or over HTTP with --http until Ctrl+C or SIGTERM.")
        {
            user, http, tokenVariable, tokensFile, noAuth, allowOrigin, maxConnections,
        };
        command.SetAction((result, cancellationToken) => MemosCli.WithClientAsync(
            global, environment, result, async (session, token) =>
            {
                var pinned = result.GetValue(user) ?? environment.Variable("MEMOS_USER_ID");
                if (pinned is not null && string.IsNullOrWhiteSpace(pinned))
                {
                    throw new CliException("--user (or MEMOS_USER_ID) must not be empty.");
                }

                if (result.GetValue(http) is not { } listen)
                {
                    foreach (var httpOnly in new Option[] { tokensFile, noAuth, allowOrigin })
                    {
                        if (result.GetResult(httpOnly) is { Implicit: false })
                        {
                            throw new CliException(
                                $"{httpOnly.Name} applies to the HTTP server only; add --http ADDRESS.");
                        }
                    }

                    await ServeStdioAsync(
                        environment,
                        new MemoryServer(new MemoryTools(session.Client, session.Client.BaseUrl, pinned)),
                        token).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                var address = HttpAddress.Parse(listen);
                var settings = new RequestGuardSettings(
                    Tokens(
                        environment,
                        address,
                        result.GetValue(tokenVariable)!,
                        result.GetValue(tokensFile),
                        result.GetValue(noAuth),
                        pinned),
                    Origins(result.GetValue(allowOrigin) ?? []),
                    result.GetValue(maxConnections) is var connections and > 0
                        ? connections
                        : throw new CliException("--max-connections must be at least 1."));
                await new McpHttpServer(session.Client, address, settings).RunAsync(environment.Error, token)
                    .ConfigureAwait(false);
                return ExitCodes.Success;
            }, cancellationToken, failFast: false));
        return command;
    }

    private static async Task ServeStdioAsync(
        CliEnvironment environment,
        MemoryServer memory,
        CancellationToken cancellationToken)
    {
        var options = new McpServerOptions();
        memory.Configure(options);
        try
        {
            var transport = new StdioTransport(environment.StandardInput, environment.StandardOutput);
            await using (transport.ConfigureAwait(false))
            {
                var server = McpServer.Create(transport, options);
                await using (server.ConfigureAwait(false))
                {
                    await server.RunAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (IOException)
        {
            // The client went away (its end of standard output closed): the session is over, as when it closes
            // standard input.
        }
    }

    /// <summary>The tokens the HTTP server accepts; null only for <c>--no-auth</c> on a loopback address.</summary>
    private static TokenTable? Tokens(
        CliEnvironment environment,
        HttpAddress address,
        string variable,
        FileInfo? file,
        bool noAuth,
        string? pinned)
    {
        var token = environment.Variable(variable);
        if (noAuth)
        {
            if (!address.IsLoopback)
            {
                throw new CliException("--no-auth is allowed on a loopback address only (127.0.0.1, [::1] or "
                    + $"localhost), not {address.Address}: anyone who reaches the port could read and change every "
                    + "user's memories.");
            }

            if (token is not null || file is not null)
            {
                throw new CliException(
                    "--no-auth contradicts the tokens given: drop --no-auth, or --tokens and the token variable.");
            }

            return null;
        }

        var tokens = new TokenTable();
        if (!string.IsNullOrEmpty(token))
        {
            tokens.Add(token, pinned, variable);
        }

        if (file is not null)
        {
            tokens.AddFile(file.FullName);
        }

        return tokens.Count > 0
            ? tokens
            : throw new CliException($"No bearer token for the HTTP server: set {variable} to a long random token "
                + "(e.g. from 'openssl rand -hex 32'), or give --tokens FILE; --no-auth is for a loopback address "
                + "only.");
    }

    private static HashSet<string> Origins(IEnumerable<string> origins)
    {
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/")
            {
                throw new CliException($"--allow-origin '{origin}' is not an origin such as https://app.example.com.");
            }

            allowed.Add(origin.TrimEnd('/'));
        }

        return allowed;
    }
}
