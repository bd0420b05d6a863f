namespace MemOS.Client.Cli;

/// <summary>
/// The message roles the tool accepts: the SDK's <see cref="MessageRole.Documented"/> roles, not a list of its own.
/// </summary>
internal static class KnownRoles
{
    public static IReadOnlyList<string> All { get; } = [.. MessageRole.Documented.Select(role => role.Value)];
}
