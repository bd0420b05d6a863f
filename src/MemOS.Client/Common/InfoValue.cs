using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// A value of the custom <c>info</c> metadata map: a string, a list of strings or a number.
/// Only string values can be matched by filters, so prefer strings. Strings, string arrays and
/// numbers convert implicitly. Any other JSON a service sends (an object, a list holding objects)
/// is kept as it came, in <see cref="Json"/>.
/// </summary>
[JsonConverter(typeof(InfoValueConverter))]
public sealed record InfoValue
{
    private InfoValue(string? text, IReadOnlyList<string>? list, double? number, JsonElement? json = null)
    {
        Text = text;
        List = list;
        Number = number;
        Json = json;
    }

    /// <summary>The value when it is a string; otherwise <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>The value when it is a list of strings; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<string>? List { get; }

    /// <summary>The value when it is a number; otherwise <see langword="null"/>.</summary>
    public double? Number { get; }

    /// <summary>
    /// The value when it is other JSON (an object, or a list that holds more than strings and numbers); otherwise
    /// <see langword="null"/>.
    /// </summary>
    public JsonElement? Json { get; }

    /// <summary>
    /// Creates a value from any JSON; a string, a number or a list of them becomes that kind of value.
    /// </summary>
    /// <param name="json">The value.</param>
    public static InfoValue FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => FromString(json.GetString()!),
        JsonValueKind.Number => FromNumber(json.GetDouble()),
        JsonValueKind.Array when json.EnumerateArray().All(static item => item.ValueKind
            is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            or JsonValueKind.Null)
            => FromList(json.EnumerateArray().Where(static item => item.ValueKind != JsonValueKind.Null)
                .Select(static item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())),
        JsonValueKind.True or JsonValueKind.False => FromString(json.GetRawText()),
        _ => new(null, null, null, json.Clone()),
    };

    /// <summary>Creates a string value.</summary>
    /// <param name="text">The string.</param>
    public static InfoValue FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text, null, null);
    }

    /// <summary>Creates a list-of-strings value.</summary>
    /// <param name="items">The strings.</param>
    public static InfoValue FromList(params string[] items) => FromList((IEnumerable<string>)items);

    /// <summary>Creates a list-of-strings value.</summary>
    /// <param name="items">The strings.</param>
    public static InfoValue FromList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(null, items.ToArray(), null);
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="number">The number; it must be finite.</param>
    public static InfoValue FromNumber(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "An info number must be finite.");
        }

        return new(null, null, number);
    }

    /// <summary>Converts a string.</summary>
    /// <param name="text">The string.</param>
    public static implicit operator InfoValue(string text) => FromString(text);

    /// <summary>Converts a list of strings.</summary>
    /// <param name="items">The strings.</param>
    public static implicit operator InfoValue(string[] items) => FromList(items);

    /// <summary>Converts a number.</summary>
    /// <param name="number">The number.</param>
    public static implicit operator InfoValue(double number) => FromNumber(number);

    /// <inheritdoc />
    public bool Equals(InfoValue? other)
        => other is not null
           && string.Equals(Text, other.Text, StringComparison.Ordinal)
           && Number == other.Number
           && string.Equals(Json?.GetRawText(), other.Json?.GetRawText(), StringComparison.Ordinal)
           && (List is null
               ? other.List is null
               : other.List is not null && List.SequenceEqual(other.List, StringComparer.Ordinal));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Text, Number, List?.Count);

    /// <inheritdoc />
    public override string ToString()
        => Text ?? (List is not null
            ? string.Join(", ", List)
            : Number?.ToString(CultureInfo.InvariantCulture) ?? Json?.GetRawText() ?? string.Empty);
}
