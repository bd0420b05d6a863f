using System.Reflection;
using System.Runtime.InteropServices;

namespace MemOS.Client.Transport;

/// <summary>The <c>User-Agent</c> every request carries: SDK name and version, .NET runtime and OS.</summary>
internal static class UserAgent
{
    public static string Value { get; } = Build();

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

        return $"MemOS.Client/{version} ({RuntimeInformation.FrameworkDescription}; {RuntimeInformation.RuntimeIdentifier})";
    }
}
