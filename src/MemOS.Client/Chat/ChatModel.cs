using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Chat;

/// <summary>
/// A model MemOS chat can answer with (<c>model_name</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ChatModel>))]
public readonly record struct ChatModel : IStringValue<ChatModel>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public ChatModel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Qwen3 32B. (<c>qwen3-32b</c>)</summary>
    public static ChatModel Qwen3 { get; } = new("qwen3-32b");

    /// <summary>DeepSeek R1; streams its reasoning as reasoning deltas. (<c>deepseek-r1</c>)</summary>
    public static ChatModel DeepSeekR1 { get; } = new("deepseek-r1");

    /// <summary>Qwen2.5 72B Instruct, the service default. (<c>qwen2.5-72b-instruct</c>)</summary>
    public static ChatModel Qwen25Instruct { get; } = new("qwen2.5-72b-instruct");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator ChatModel(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ChatModel IStringValue<ChatModel>.Create(string value) => new(value);
}
