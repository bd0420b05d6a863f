using System.Reflection;
using System.Runtime.InteropServices;

namespace MemOS.Client.Transport;

/// <summary>The <c>User-Agent</c> every request carries: SDK name and version, .NET runtime and OS.</summary>
internal static class UserAgent
{
    private const int MaxApplicationIdLength = 64;

    public static string Value { get; } = Build();

    /// <summary>
    /// The header with the application's id before the SDK's own; the SDK's alone when there is none.
    /// </summary>
    public static string For(string? applicationId)
        => string.IsNullOrEmpty(applicationId) ? Value : applicationId + " " + Value;

    /// <summary>
    /// Whether the id is one HTTP product (<c>token</c> or <c>token/token</c>), so it cannot break
    /// the header or smuggle another one in.
    /// </summary>
    public static bool IsValidApplicationId(string applicationId)
    {
        if (applicationId.Length is 0 or > MaxApplicationIdLength)
        {
            return false;
        }

        var parts = applicationId.Split('/');
        return parts.Length <= 2 && parts.All(part => part.Length > 0 && part.All(IsTokenCharacter));
    }

    // The token characters of HTTP field values (RFC 9110, section 5.6.2).
    private static bool IsTokenCharacter(char c)
        => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static string Build()
    {
        var assembly = typeof(UserAgent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString()
                      ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        return $"MemOS.Client/{version} ({RuntimeInformation.FrameworkDescription}; "
            + $"{RuntimeInformation.RuntimeIdentifier})";
    }
}
