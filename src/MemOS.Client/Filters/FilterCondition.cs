using System.Text.Json;

namespace MemOS.Client.Filters;

/// <summary>
/// One condition of a <see cref="MemoryFilter"/>: a single field compared with a value.
/// Create conditions with the factories on <see cref="MemoryFilter"/>.
/// </summary>
public sealed class FilterCondition
{
    private readonly string? _value;
    private readonly IReadOnlyList<string>? _values;

    internal FilterCondition(string field, string? op, string? value, IReadOnlyList<string>? values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (string.Equals(field, "user_id", StringComparison.Ordinal))
        {
            throw new ArgumentException("user_id cannot be used in a MemOS filter; scope the request with its user_id "
                + "field instead.", nameof(field));
        }

        Field = field;
        Operator = op;
        _value = value;
        _values = values;
    }

    /// <summary>The field compared: <c>agent_id</c>, <c>tags</c>, <c>create_time</c>, an <c>info</c> key, …</summary>
    public string Field { get; }

    /// <summary>
    /// The operator (<c>contains</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>), or null for equality.
    /// </summary>
    public string? Operator { get; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Field);
        if (Operator is not null)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Operator);
        }

        if (_values is not null)
        {
            writer.WriteStartArray();
            foreach (var value in _values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStringValue(_value);
        }

        if (Operator is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
