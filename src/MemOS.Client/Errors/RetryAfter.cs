using System.Net.Http.Headers;

namespace MemOS.Client.Errors;

/// <summary>
/// Reads how long the service asked to wait: the <c>Retry-After</c> header (seconds or a date) or a body's
/// <c>retry_after</c>.
/// </summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders headers, double? bodySeconds, TimeProvider time)
    {
        if (headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return bodySeconds is >= 0 and < int.MaxValue ? TimeSpan.FromSeconds(bodySeconds.Value) : null;
    }
}
