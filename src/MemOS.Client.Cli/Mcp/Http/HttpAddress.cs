using System.Globalization;
using System.Net;

namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// Where <c>memos mcp --http</c> listens: an IP address (or <c>localhost</c>) and a port, 0 for a free one.
/// </summary>
internal sealed record HttpAddress(IPAddress Address, int Port)
{
    /// <summary>Whether only this machine can connect: the only place <c>--no-auth</c> is allowed.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Reads <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>, <c>localhost:8080</c> or <c>0.0.0.0:8080</c>.</summary>
    public static HttpAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new CliException($"--http '{text}' is not an address and port such as 127.0.0.1:8080 (port 0 for a "
                + "free one).");
        }

        var host = text[..colon];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new HttpAddress(IPAddress.Loopback, port);
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return IPAddress.TryParse(host, out var address)
            ? new HttpAddress(address, port)
            : throw new CliException($"--http '{text}': '{host}' is not an IP address or localhost; give the address "
                + "of the interface to listen on, e.g. 0.0.0.0 for all.");
    }
}
