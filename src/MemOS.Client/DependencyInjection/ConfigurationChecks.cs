using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MemOS.Client;

/// <summary>
/// Checks a configuration section before it is bound, so that a misspelt key, an unknown region or
/// a time span written as a bare number fails at start with the key's path, instead of being
/// ignored or bound to something else. Values are never echoed for <c>ApiKey</c>.
/// </summary>
internal static class ConfigurationChecks
{
    public static List<string> Check(IConfiguration configuration, IReadOnlyList<ConfigurationSetting> settings)
    {
        var errors = new List<string>();

        // A whole configuration root holds the app's other settings too: only a section is the client's alone.
        Check(configuration, settings, unknownKeysAreErrors: configuration is IConfigurationSection, errors);
        return errors;
    }

    private static void Check(
        IConfiguration section,
        IReadOnlyList<ConfigurationSetting> settings,
        bool unknownKeysAreErrors,
        List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            var setting = settings.FirstOrDefault(s => s.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (setting is null)
            {
                if (!unknownKeysAreErrors)
                {
                    continue;
                }

                errors.Add($"{child.Path} is not a MemOS setting (check its spelling); the settings are "
                    + $"{string.Join(", ", settings.Select(s => s.Name))}.");
                continue;
            }

            switch (setting.Kind)
            {
                case SettingKind.Section:
                    Check(child, setting.Children!, unknownKeysAreErrors: true, errors);
                    break;
                case SettingKind.TimeSpan when child.Value is { } text && !IsTimeSpan(text):
                    errors.Add(IsNumber(text)
                        ? $"{child.Path} is '{text}', a bare number, which would be read as {text} days: write a time "
                            + "span such as 00:01:00 (one minute) or 00:00:30 (30 seconds)."
                        : $"{child.Path} is '{text}', which is not a time span: write it as hh:mm:ss, such as 00:01:00 "
                            + "(one minute).");
                    break;
                case SettingKind.Boolean when child.Value is { } text && !bool.TryParse(text, out _):
                    errors.Add($"{child.Path} is '{text}': use true or false.");
                    break;
                case SettingKind.Integer when child.Value is { } text
                    && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                    errors.Add($"{child.Path} is '{text}': write a whole number, such as 3.");
                    break;
                case SettingKind.Region when child.Value is { } text && !IsRegion(text):
                    errors.Add($"{child.Path} is '{text}', which is not a MemOS region: use "
                        + $"{string.Join(" or ", Enum.GetNames<MemOSRegion>())}.");
                    break;
            }
        }
    }

    private static bool IsNumber(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsTimeSpan(string text)
        => !IsNumber(text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static bool IsRegion(string text)
        => Enum.GetNames<MemOSRegion>().Any(name => name.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
}
