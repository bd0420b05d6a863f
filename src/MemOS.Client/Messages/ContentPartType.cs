using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Messages;

/// <summary>
/// The type of a multimodal content part (<c>type</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ContentPartType>))]
public readonly record struct ContentPartType : IStringValue<ContentPartType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public ContentPartType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Plain text. (<c>text</c>)</summary>
    public static ContentPartType Text { get; } = new("text");

    /// <summary>An image given by URL or data URI. (<c>image_url</c>)</summary>
    public static ContentPartType ImageUrl { get; } = new("image_url");

    /// <summary>A document given by URL or Base64. (<c>file</c>)</summary>
    public static ContentPartType File { get; } = new("file");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator ContentPartType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ContentPartType IStringValue<ContentPartType>.Create(string value) => new(value);
}
