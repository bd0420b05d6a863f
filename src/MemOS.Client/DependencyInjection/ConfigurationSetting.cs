namespace MemOS.Client;

/// <summary>One key an options section may hold, and the kind of value it takes.</summary>
/// <param name="Name">The property name, as written in configuration.</param>
/// <param name="Kind">How its value is checked before binding.</param>
/// <param name="Children">The keys of a nested section (<see cref="SettingKind.Section"/> only).</param>
internal sealed record ConfigurationSetting(
    string Name,
    SettingKind Kind,
    IReadOnlyList<ConfigurationSetting>? Children = null)
{
    /// <summary>The keys of <see cref="MemOSRetryOptions"/>, nested under <c>Retry</c>.</summary>
    public static readonly IReadOnlyList<ConfigurationSetting> Retry =
    [
        new(nameof(MemOSRetryOptions.MaxRetries), SettingKind.Integer),
        new(nameof(MemOSRetryOptions.BaseDelay), SettingKind.TimeSpan),
        new(nameof(MemOSRetryOptions.MaxDelay), SettingKind.TimeSpan),
        new(nameof(MemOSRetryOptions.MaxRetryAfter), SettingKind.TimeSpan),
        new(nameof(MemOSRetryOptions.UseJitter), SettingKind.Boolean),
        new(nameof(MemOSRetryOptions.AttemptTimeout), SettingKind.TimeSpan),
    ];
}
