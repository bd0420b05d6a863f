using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Memories;

/// <summary>
/// The kind of a tool memory (<c>tool_type</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ToolMemoryType>))]
public readonly record struct ToolMemoryType : IStringValue<ToolMemoryType>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public ToolMemoryType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>A trajectory of tool use with its outcome. (<c>ToolTrajectoryMemory</c>)</summary>
    public static ToolMemoryType ToolTrajectory { get; } = new("ToolTrajectoryMemory");

    /// <summary>A tool schema, as documented. (<c>ToolSchema</c>)</summary>
    public static ToolMemoryType ToolSchema { get; } = new("ToolSchema");

    /// <summary>A tool schema, as the service has been seen to return it. (<c>ToolSchemaMemory</c>)</summary>
    public static ToolMemoryType ToolSchemaMemory { get; } = new("ToolSchemaMemory");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator ToolMemoryType(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ToolMemoryType IStringValue<ToolMemoryType>.Create(string value) => new(value);
}
