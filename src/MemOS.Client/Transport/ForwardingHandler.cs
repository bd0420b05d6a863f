namespace MemOS.Client.Transport;

/// <summary>
/// Hands every request to a caller's <see cref="System.Net.Http.HttpClient"/>, so that the SDK can
/// give its own client the base address Refit needs without changing the caller's.
/// </summary>
internal sealed class ForwardingHandler(HttpClient target) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
        => target.SendAsync(Copy(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // An HttpClient sends a request message once, and the SDK's own client has already sent this one.
    // The copy shares the content (the request's owner disposes it) and carries the options the
    // resilience handler and telemetry read. It is left to the response, whose RequestMessage it is.
    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
