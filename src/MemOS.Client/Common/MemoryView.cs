using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// A memory category, used to choose what to extract (<c>allow_memory_view</c>) and what to recall
/// (<c>include_memory_view</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<MemoryView>))]
public readonly record struct MemoryView : IStringValue<MemoryView>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public MemoryView(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Fact memories. (<c>detail_factual</c>)</summary>
    public static MemoryView DetailFactual { get; } = new("detail_factual");

    /// <summary>Preference memories. (<c>preference</c>)</summary>
    public static MemoryView Preference { get; } = new("preference");

    /// <summary>Skills. (<c>skill</c>)</summary>
    public static MemoryView Skill { get; } = new("skill");

    /// <summary>Profile attributes. (<c>profile</c>)</summary>
    public static MemoryView Profile { get; } = new("profile");

    /// <summary>Event memories. (<c>event</c>)</summary>
    public static MemoryView Event { get; } = new("event");

    /// <summary>Tool schemas and tool-use trajectories. (<c>tool_memory</c>)</summary>
    public static MemoryView ToolMemory { get; } = new("tool_memory");

    /// <summary>Image modality key; valid only as a key of <c>custom_extract_prompt</c>. (<c>image</c>)</summary>
    public static MemoryView Image { get; } = new("image");

    /// <summary>Document modality key; valid only as a key of <c>custom_extract_prompt</c>. (<c>document</c>)</summary>
    public static MemoryView Document { get; } = new("document");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MemoryView(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MemoryView IStringValue<MemoryView>.Create(string value) => new(value);
}
