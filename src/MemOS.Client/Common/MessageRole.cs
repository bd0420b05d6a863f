using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// The role of a message author, as MemOS names it (<c>role</c>).
/// Any value parses and compares, so a message read from the service keeps whatever role it has;
/// a message written to the service must carry one of the <see cref="Documented"/> roles, and the
/// SDK refuses any other before sending (the bulk import, the CLI and the MCP tools apply the same rule).
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

    /// <summary>The roles MemOS accepts on a written message: user, assistant, system and tool.</summary>
    public static IReadOnlyList<MessageRole> Documented { get; } = [User, Assistant, System, Tool];

    /// <summary>Whether MemOS accepts this role on a written message (it is one of <see cref="Documented"/>).</summary>
    public bool IsDocumented => Documented.Contains(this);

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MessageRole(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MessageRole IStringValue<MessageRole>.Create(string value) => new(value);
}
