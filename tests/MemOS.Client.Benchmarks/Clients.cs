namespace MemOS.Client.Benchmarks;

/// <summary>The clients every benchmark compares, all over the same <see cref="SocketsHttpHandler"/> settings.</summary>
internal static class Clients
{
    public const string ApiKey = "bench-key-0123456789abcdef";

    /// <summary>An HttpClient with the SDK's own handler settings and nothing in front of it.</summary>
    public static HttpClient Bare() => new(MemOSClient.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The SDK as users get it: its own HttpClient, with the resilience handler.</summary>
    public static MemOSClient Sdk(Uri root) => new(Options(root));

    /// <summary>The SDK over a caller's HttpClient: the same transport without the resilience handler.</summary>
    public static MemOSClient Sdk(HttpClient http, Uri root) => new(http, Options(root));

    private static MemOSClientOptions Options(Uri root) => new() { ApiKey = ApiKey, BaseUrl = root };
}
