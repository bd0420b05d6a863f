using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Ranking;

/// <summary>
/// A MemOS reranker model (<c>model</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<RerankModel>))]
public readonly record struct RerankModel : IStringValue<RerankModel>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public RerankModel(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The 0.6B reranker (the official CLI's default). (<c>memos-reranker-0.6b</c>)</summary>
    public static RerankModel Small { get; } = new("memos-reranker-0.6b");

    /// <summary>The 4B reranker. (<c>memos-reranker-4b</c>)</summary>
    public static RerankModel Large { get; } = new("memos-reranker-4b");

    /// <summary>The text MemOS uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text MemOS uses for this value.</param>
    public static implicit operator RerankModel(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static RerankModel IStringValue<RerankModel>.Create(string value) => new(value);
}
