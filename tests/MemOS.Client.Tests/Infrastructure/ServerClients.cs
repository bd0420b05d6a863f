using MemOS.Client.Server;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>Self-hosted server clients pointed at a loopback server's root (its cloud base path dropped).</summary>
public static class ServerClients
{
    public static Uri ServerRoot(this LoopbackServer server) => new(server.BaseUrl, "/");

    public static MemOSServerClient CreateServerClient(this LoopbackServer server, Action<MemOSServerClientOptions>? configure = null)
    {
        var options = new MemOSServerClientOptions { BaseUrl = server.ServerRoot(), ApiKey = LoopbackServer.ApiKey };
        configure?.Invoke(options);
        return new MemOSServerClient(options);
    }
}
