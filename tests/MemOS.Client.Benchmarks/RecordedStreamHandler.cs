using System.Net;
using System.Net.Http.Headers;

namespace MemOS.Client.Benchmarks;

/// <summary>Answers every request with the recorded stream from memory: the SDK's whole stream path with no network.</summary>
internal sealed class RecordedStreamHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue EventStream = new("text/event-stream");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(RecordedStream.Long, writable: false));
        content.Headers.ContentType = EventStream;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
