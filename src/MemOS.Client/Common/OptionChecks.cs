using System.Text;

namespace MemOS.Client;

/// <summary>The option rules both clients share, each adding a message that says how to fix it.</summary>
internal static class OptionChecks
{
    public static void BaseUrl(Uri url, bool allowInsecureHttp, string example, List<string> errors)
    {
        if (!url.IsAbsoluteUri)
        {
            errors.Add($"BaseUrl '{url}' is not an absolute URI; use e.g. {example}.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add($"BaseUrl '{url}' must use https (or http for a loopback host).");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback && !allowInsecureHttp)
        {
            errors.Add($"BaseUrl '{url}' uses plain http to a non-loopback host, which would send the API key unencrypted; use https, or set AllowInsecureHttp if this is intended.");
        }
    }

    public static void ApiKeyCharacters(string? apiKey, List<string> errors)
    {
        if (apiKey is not null && apiKey.Any(char.IsControl))
        {
            errors.Add("The API key contains control characters (such as a line break); copy it again without them.");
        }
        else if (apiKey is not null && !Ascii.IsValid(apiKey))
        {
            // A header value is ASCII: such a key could only fail on the wire, or be mangled into another.
            errors.Add("The API key contains non-ASCII characters (such as a curly quote or a non-breaking space picked up when copying); copy it again as plain text.");
        }
    }

    public static void Timeouts(TimeSpan timeout, TimeSpan streamIdleTimeout, MemOSRetryOptions? retry, List<string> errors)
    {
        if (!IsPositive(timeout))
        {
            errors.Add("Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (!IsPositive(streamIdleTimeout))
        {
            errors.Add("StreamIdleTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        errors.AddRange(retry?.GetValidationErrors() ?? ["Retry must not be null."]);
    }

    public static void MaxStreamEventBytes(int maxStreamEventBytes, List<string> errors)
    {
        if (maxStreamEventBytes <= 0)
        {
            errors.Add("MaxStreamEventBytes must be positive (default 4 MB).");
        }
    }

    private static bool IsPositive(TimeSpan value) => value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan;
}
