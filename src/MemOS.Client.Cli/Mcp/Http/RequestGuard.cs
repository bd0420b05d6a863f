using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// Decides, before any MCP handling, whether a request may reach the tools, and for which user. In
/// order: on a loopback address, the Host must name this machine (a DNS-rebinding page cannot pass);
/// a browser's Origin must be one allowed with <c>--allow-origin</c>; and the bearer token must be one of
/// the <see cref="TokenTable"/> (unless the server runs with <c>--no-auth</c>). Refusals say why and never echo a
/// token.
/// </summary>
internal sealed class RequestGuard(
    TokenTable? tokens,
    IReadOnlySet<string> allowedOrigins,
    bool loopbackOnly,
    Func<string?, MemoryServer> serverFor)
{
    private const string ServerKey = "memos.mcp.server";

    /// <summary>The server of the user a request was let in for.</summary>
    public static MemoryServer ServerOf(HttpContext context) => (MemoryServer)context.Items[ServerKey]!;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
        {
            await RefuseAsync(
                context,
                StatusCodes.Status403Forbidden,
                "This MCP server listens on this machine only; the Host header must be localhost, 127.0.0.1 or "
                    + "[::1].").ConfigureAwait(false);
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !allowedOrigins.Contains(origin.TrimEnd('/')))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, $"Origin '{origin}' is not allowed; start memos "
                + $"mcp with --allow-origin {origin} to let pages from it call this server.").ConfigureAwait(false);
            return;
        }

        string? user = null;
        if (tokens is not null && !tokens.TryMatch(BearerToken(context.Request), out user))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"memos mcp\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "A valid bearer token is required: send "
                + "'Authorization: Bearer <token>' with a token this server was started with.").ConfigureAwait(false);
            return;
        }

        context.Items[ServerKey] = serverFor(user);
        await next(context).ConfigureAwait(false);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    private static bool IsLoopbackHost(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static Task RefuseAsync(HttpContext context, int status, string why)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(why + "\n", context.RequestAborted);
    }
}
