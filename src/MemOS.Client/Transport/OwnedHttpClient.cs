namespace MemOS.Client.Transport;

/// <summary>The HTTP client a MemOS client builds for itself when the caller gives none.</summary>
internal static class OwnedHttpClient
{
    /// <summary>
    /// Resilience over a pooled handler, and no HttpClient timeout: the SDK's own timeouts are
    /// tokens, so a long stream is never cut by a blanket limit.
    /// </summary>
    public static HttpClient Create(Func<MemOSResilienceHandler>? resilience)
    {
        HttpMessageHandler handler = MemOSClient.CreateHandler();
        if (resilience?.Invoke() is { } outer)
        {
            outer.InnerHandler = handler;
            handler = outer;
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
