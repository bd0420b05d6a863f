using System.Reflection;

namespace MemOS.Client.Cli;

/// <summary>The message roles the tool accepts: the ones the SDK's <see cref="MessageRole"/> names, read from it rather than listed again.</summary>
internal static class KnownRoles
{
    public static IReadOnlyList<string> All { get; } = typeof(MessageRole)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(property => property.PropertyType == typeof(MessageRole))
        .Select(property => ((MessageRole)property.GetValue(null)!).Value)
        .ToArray();
}
