using MemOS.Client.Transport;

namespace MemOS.Client.Benchmarks.Served;

/// <summary>The floors' requests: the SDK's headers and the bytes it would send, serialized once.</summary>
internal static class ServedRequests
{
    private static readonly string Authorization = TransportSettings.AuthorizationFor(Clients.ApiKey, "Token")!;

    public static HttpRequestMessage Post(Uri uri, byte[] body, string accept)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}
