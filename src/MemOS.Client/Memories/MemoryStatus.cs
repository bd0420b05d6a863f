using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The lifecycle state of a memory (<c>status</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<MemoryStatus>))]
public readonly record struct MemoryStatus : IStringValue<MemoryStatus>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public MemoryStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>In use and recalled. (<c>activated</c>).</summary>
    public static MemoryStatus Activated { get; } = new("activated");

    /// <summary>Being reconciled with other memories. (<c>resolving</c>).</summary>
    public static MemoryStatus Resolving { get; } = new("resolving");

    /// <summary>Kept but no longer recalled. (<c>archived</c>).</summary>
    public static MemoryStatus Archived { get; } = new("archived");

    /// <summary>Deleted. (<c>deleted</c>).</summary>
    public static MemoryStatus Deleted { get; } = new("deleted");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MemoryStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MemoryStatus IStringValue<MemoryStatus>.Create(string value) => new(value);
}
