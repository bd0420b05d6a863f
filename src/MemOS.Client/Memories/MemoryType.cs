using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The kind of a fact memory (<c>memory_type</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<MemoryType>))]
public readonly record struct MemoryType : IStringValue<MemoryType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public MemoryType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>
    /// A recent memory, typically from the fast first pass of an asynchronous write. (<c>WorkingMemory</c>)
    /// </summary>
    public static MemoryType WorkingMemory { get; } = new("WorkingMemory");

    /// <summary>A consolidated long-term memory. (<c>LongTermMemory</c>)</summary>
    public static MemoryType LongTermMemory { get; } = new("LongTermMemory");

    /// <summary>A memory about the user. (<c>UserMemory</c>)</summary>
    public static MemoryType UserMemory { get; } = new("UserMemory");

    /// <summary>A profile attribute. (<c>ProfileMemory</c>)</summary>
    public static MemoryType ProfileMemory { get; } = new("ProfileMemory");

    /// <summary>An event memory. (<c>EventMemory</c>)</summary>
    public static MemoryType EventMemory { get; } = new("EventMemory");

    /// <summary>A memory from an outside source (self-hosted server). (<c>OuterMemory</c>)</summary>
    public static MemoryType OuterMemory { get; } = new("OuterMemory");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MemoryType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MemoryType IStringValue<MemoryType>.Create(string value) => new(value);
}
