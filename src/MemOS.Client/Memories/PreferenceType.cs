using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// Whether a preference was stated or inferred (<c>preference_type</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<PreferenceType>))]
public readonly record struct PreferenceType : IStringValue<PreferenceType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public PreferenceType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The user stated the preference. (<c>explicit_preference</c>).</summary>
    public static PreferenceType Explicit { get; } = new("explicit_preference");

    /// <summary>MemOS inferred the preference. (<c>implicit_preference</c>).</summary>
    public static PreferenceType Implicit { get; } = new("implicit_preference");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator PreferenceType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static PreferenceType IStringValue<PreferenceType>.Create(string value) => new(value);
}
