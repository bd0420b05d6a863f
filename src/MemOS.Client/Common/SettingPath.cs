using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MemOS.Client;

/// <summary>
/// Where a setting is written, so that a validation message names it as the user wrote it:
/// <c>MemOS:Timeout</c> in a configuration section, <c>Timeout</c> in a configuration root,
/// <c>MemOSClientOptions.Timeout</c> in code.
/// </summary>
/// <param name="Prefix">What comes before a setting's name.</param>
/// <param name="Separator">What separates a nested section's name from its settings.</param>
/// <param name="InConfiguration">Whether the settings come from configuration (values are then written as
/// text).</param>
/// <param name="MissingSection">The path of the configuration section the settings were bound from, when that section
/// does not exist.</param>
/// <param name="Variables">The settings whose values came from <c>MEMOS_*</c> environment variables, by setting name: a
/// message names the variable.</param>
internal sealed record SettingPath(
    string Prefix,
    string Separator,
    bool InConfiguration,
    string? MissingSection,
    IReadOnlyDictionary<string, string>? Variables = null)
{
    /// <summary>Settings set in code on an options object of the given type.</summary>
    public static SettingPath InCode(string typeName) => new(typeName + ".", ".", false, null);

    /// <summary>Settings bound from a configuration section (or a whole configuration root).</summary>
    public static SettingPath Of(IConfiguration configuration)
        => configuration is IConfigurationSection section
            ? new(section.Path + ":", ":", true, section.Exists() ? null : section.Path)
            : new(string.Empty, ":", true, null);

    /// <summary>The full path of a setting.</summary>
    public string this[string name]
        => Variables is not null && Variables.TryGetValue(name, out var variable)
            ? $"{variable} (environment variable)"
            : Prefix + name;

    /// <summary>The same path, naming the variable of each setting that came from one.</summary>
    public SettingPath WithVariables(IReadOnlyDictionary<string, string> variables)
        => variables.Count == 0 ? this : this with { Variables = variables };

    /// <summary>The path of a nested section's settings.</summary>
    public SettingPath Child(string name) => this with { Prefix = Prefix + name + Separator, Variables = null };

    /// <summary>What to write instead of a time span that is not positive.</summary>
    public string PositiveTimeSpan => InConfiguration
        ? "use a positive time span such as 00:00:30 (30 seconds)"
        : "use a positive time span such as TimeSpan.FromSeconds(30), or Timeout.InfiniteTimeSpan for no limit";

    /// <summary>A time span as configuration writes it (<c>-00:00:05</c>).</summary>
    public static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
