using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// The role of a message author, as MemOS names it (<c>role</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<MessageRole>))]
public readonly record struct MessageRole : IStringValue<MessageRole>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public MessageRole(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>A message written by the end user. (<c>user</c>)</summary>
    public static MessageRole User { get; } = new("user");

    /// <summary>A message written by the assistant. (<c>assistant</c>)</summary>
    public static MessageRole Assistant { get; } = new("assistant");

    /// <summary>A system instruction. (<c>system</c>)</summary>
    public static MessageRole System { get; } = new("system");

    /// <summary>The result of a tool call. (<c>tool</c>)</summary>
    public static MessageRole Tool { get; } = new("tool");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MessageRole(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MessageRole IStringValue<MessageRole>.Create(string value) => new(value);
}
