using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// The state of an asynchronous MemOS task (<c>status</c> of add/message, add/feedback and get/status).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<MemOSTaskStatus>))]
public readonly record struct MemOSTaskStatus : IStringValue<MemOSTaskStatus>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public MemOSTaskStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Still processing. (<c>running</c>)</summary>
    public static MemOSTaskStatus Running { get; } = new("running");

    /// <summary>Finished. (<c>completed</c>)</summary>
    public static MemOSTaskStatus Completed { get; } = new("completed");

    /// <summary>Failed; the request was accepted but its processing did not succeed. (<c>failed</c>)</summary>
    public static MemOSTaskStatus Failed { get; } = new("failed");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator MemOSTaskStatus(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static MemOSTaskStatus IStringValue<MemOSTaskStatus>.Create(string value) => new(value);
}
