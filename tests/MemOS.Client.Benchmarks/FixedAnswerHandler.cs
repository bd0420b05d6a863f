using System.Net;
using System.Net.Http.Headers;

namespace MemOS.Client.Benchmarks;

/// <summary>
/// Answers search and add from memory, as a stream to be buffered like a socket's, so a call's
/// CPU cost can be measured without the loopback's noise. It completes synchronously, so the
/// async frames that real I/O allocates are missing from the allocation figures it gives.
/// </summary>
internal sealed class FixedAnswerHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.RequestUri!.AbsolutePath.EndsWith("/search/memory", StringComparison.Ordinal) ? Bodies.SearchResponse : Bodies.AddResponse;
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = Json;
        content.Headers.ContentLength = body.Length;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
