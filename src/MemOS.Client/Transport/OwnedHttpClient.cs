namespace MemOS.Client.Transport;

/// <summary>The HTTP client a MemOS client builds for itself when the caller gives none.</summary>
internal static class OwnedHttpClient
{
    /// <summary>
    /// Resilience over a pooled handler, and no HttpClient timeout: the SDK's own timeouts are
    /// tokens, so a long stream is never cut by a blanket limit.
    /// </summary>
    /// <remarks>Invalid options get no resilience handler here: the client's constructor reports them, every problem listed.</remarks>
    public static HttpClient Create(IMemOSTransportOptions? options)
    {
        HttpMessageHandler handler = MemOSClient.CreateHandler();
        if (options is not null && options.GetValidationErrors().Count == 0)
        {
            handler = new MemOSResilienceHandler(options.Retry, options.LoggerFactory, options.TimeProvider, options.RateLimiter) { InnerHandler = handler };
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
