using MemOS.Client.Server;

namespace MemOS.Client.Tests.Infrastructure;

/// <summary>Self-hosted server clients pointed at a loopback server's root (its cloud base path dropped).</summary>
public static class ServerClients
{
    public static Uri ServerRoot(this LoopbackServer server) => new(server.BaseUrl, "/");

    public static MemOSServerClient CreateServerClient(this LoopbackServer server, Action<MemOSServerClientOptions>? configure = null)
    {
        // As for cloud clients: retry waits jump on a fake clock, attempts have no limit of their own.
        var options = new MemOSServerClientOptions
        {
            BaseUrl = server.ServerRoot(),
            ApiKey = LoopbackServer.ApiKey,
            TimeProvider = new AutoAdvancingTimeProvider(),
            Retry = new MemOSRetryOptions { AttemptTimeout = Timeout.InfiniteTimeSpan },
        };
        configure?.Invoke(options);
        return new MemOSServerClient(options);
    }
}
