using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// What extract/memory should extract (<c>extraction_types</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ExtractionType>))]
public readonly record struct ExtractionType : IStringValue<ExtractionType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public ExtractionType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Facts. (<c>memory</c>)</summary>
    public static ExtractionType Memory { get; } = new("memory");

    /// <summary>Preferences. (<c>preference</c>)</summary>
    public static ExtractionType Preference { get; } = new("preference");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator ExtractionType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ExtractionType IStringValue<ExtractionType>.Create(string value) => new(value);
}
