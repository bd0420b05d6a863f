namespace MemOS.Client.Transport;

/// <summary>The HTTP client a MemOS client builds for itself when the caller gives none.</summary>
internal static class OwnedHttpClient
{
    /// <summary>
    /// Resilience over a pooled handler, and no HttpClient timeout: the SDK's own timeouts are
    /// tokens, so a long stream is never cut by a blanket limit.
    /// </summary>
    /// <remarks>Invalid options get no resilience handler here: the client's constructor reports them, every problem
    /// listed.</remarks>
    /// <param name="options">The retry options, logger, clock and rate budget of the resilience handler.</param>
    /// <param name="underResilience">Wraps the pooled handler in handlers that see every attempt (the CLI's); none when
    /// null.</param>
    public static HttpClient Create(
        IMemOSTransportOptions? options,
        Func<HttpMessageHandler, HttpMessageHandler>? underResilience = null)
    {
        HttpMessageHandler handler = MemOSClient.CreateHandler();
        handler = underResilience?.Invoke(handler) ?? handler;
        if (options is not null && options.GetValidationErrors().Count == 0)
        {
            handler = new MemOSResilienceHandler(
                options.Retry,
                options.LoggerFactory,
                options.TimeProvider,
                options.RateLimiter)
            {
                InnerHandler = handler,
            };
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
