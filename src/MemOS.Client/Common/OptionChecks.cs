using System.Text;

namespace MemOS.Client;

/// <summary>
/// The option rules both clients share, each adding a message that names the setting, its value and the fix.
/// </summary>
internal static class OptionChecks
{
    public static void BaseUrl(Uri url, bool allowInsecureHttp, string example, SettingPath path, List<string> errors)
    {
        if (!url.IsAbsoluteUri)
        {
            errors.Add($"{path["BaseUrl"]} is '{url}', which is not an absolute URL; use one such as {example}.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add(
                $"{path["BaseUrl"]} is '{url}'; it must use https (or http for a loopback host), such as {example}.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback && !allowInsecureHttp)
        {
            errors.Add($"{path["BaseUrl"]} is '{url}', plain http to a non-loopback host, which would send the API key "
                + $"unencrypted; use https, or set {path["AllowInsecureHttp"]} to true if this is intended.");
        }
    }

    // The key's value is never echoed: only what is wrong with it.
    public static void ApiKeyCharacters(string? apiKey, SettingPath path, List<string> errors)
    {
        if (apiKey is not null && apiKey.Any(char.IsControl))
        {
            errors.Add($"{path["ApiKey"]} contains control characters (such as a line break); copy the API key again "
                + "without them.");
        }
        else if (apiKey is not null && !Ascii.IsValid(apiKey))
        {
            // A header value is ASCII: such a key could only fail on the wire, or be mangled into another.
            errors.Add($"{path["ApiKey"]} contains non-ASCII characters (such as a curly quote or a non-breaking space "
                + "picked up when copying); copy the API key again as plain text.");
        }
    }

    public static void Timeouts(
        TimeSpan timeout,
        TimeSpan streamIdleTimeout,
        MemOSRetryOptions? retry,
        SettingPath path,
        List<string> errors)
    {
        PositiveTimeSpan(timeout, path["Timeout"], path, errors);
        PositiveTimeSpan(streamIdleTimeout, path["StreamIdleTimeout"], path, errors);
        if (retry is null)
        {
            errors.Add($"{path["Retry"]} is null; leave it unset for the default retries, or set MaxRetries to 0 to "
                + "turn retrying off.");
        }
        else
        {
            errors.AddRange(retry.GetValidationErrors(path.Child("Retry")));
        }
    }

    public static void PositiveTimeSpan(TimeSpan value, string name, SettingPath path, List<string> errors)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} is '{SettingPath.Text(value)}'; {path.PositiveTimeSpan}.");
        }
    }

    public static void MaxStreamEventBytes(int maxStreamEventBytes, SettingPath path, List<string> errors)
    {
        if (maxStreamEventBytes <= 0)
        {
            errors.Add($"{path["MaxStreamEventBytes"]} is '{maxStreamEventBytes}'; use a positive number of bytes, "
                + "such as 4194304 (4 MB, the default).");
        }
    }
}
