using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MemOS.Client.Transport;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// The floor: the same request, headers and bytes on the wire as the SDK's, made with a bare
/// <see cref="HttpClient"/>. The body is serialized once up front and the answer parsed with the
/// SDK's own source-generated context; there is no retry, timeout, validation or error mapping.
/// </summary>
internal sealed class FloorClient(HttpClient http)
{
    private static readonly string Authorization = TransportSettings.AuthorizationFor(Clients.ApiKey, "Token")!;

    public async Task<TData> PostAsync<TData>(Uri uri, byte[] body, JsonTypeInfo<FloorEnvelope<TData>> envelopeInfo)
    {
        using var request = Request(uri, body, "application/json");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        var envelope = await JsonSerializer.DeserializeAsync(stream, envelopeInfo);
        return envelope is { Code: 0 or 200, Data: { } data } ? data : throw new InvalidOperationException("The floor got no successful envelope.");
    }

    /// <summary>Reads an event stream to its end with the framework's SSE parser, each event's data as a string.</summary>
    public async Task<int> CountEventsAsync(Uri uri, byte[] body)
    {
        using var request = Request(uri, body, "text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        return await Count(SseParser.Create(stream));
    }

    public static async Task<int> Count<T>(SseParser<T> parser)
    {
        var count = 0;
        await foreach (var item in parser.EnumerateAsync())
        {
            count += item.Data is null ? 0 : 1;
        }

        return count;
    }

    /// <summary>A request with the SDK's headers and the bytes it would send, serialized once.</summary>
    public static HttpRequestMessage Request(Uri uri, byte[] body, string accept)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }
}
