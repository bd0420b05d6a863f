using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Profiles;

/// <summary>
/// The attribute tree of a profile or template (<c>metadata</c>): fields grouped by
/// category (<c>"Basic Info" → "Occupation" → value</c>), or fields directly at the top.
/// Build it with <see cref="Set(string, string, ProfileFieldValue)"/>.
/// </summary>
[JsonConverter(typeof(ProfileMetadataConverter))]
public sealed class ProfileMetadata
{
    private readonly Dictionary<string, Dictionary<string, ProfileFieldValue>> _categories =
        new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProfileFieldValue> _fields = new(StringComparer.Ordinal);

    /// <summary>Fields grouped by category name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ProfileFieldValue>> Categories
        => _categories.ToDictionary(
            c => c.Key,
            c => (IReadOnlyDictionary<string, ProfileFieldValue>)c.Value,
            StringComparer.Ordinal);

    /// <summary>Fields outside any category.</summary>
    public IReadOnlyDictionary<string, ProfileFieldValue> Fields => _fields;

    /// <summary>Sets a field inside a category; the field path is <c>"Category.Field"</c>.</summary>
    /// <param name="category">The category, e.g. <c>Basic Info</c>.</param>
    /// <param name="field">The field, e.g. <c>Occupation</c>.</param>
    /// <param name="value">The value and whether MemOS may update it.</param>
    /// <returns>This instance, for chaining.</returns>
    public ProfileMetadata Set(string category, string field, ProfileFieldValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(value);
        if (!_categories.TryGetValue(category, out var fields))
        {
            _categories[category] = fields = new(StringComparer.Ordinal);
        }

        fields[field] = value;
        return this;
    }

    /// <summary>Sets a field outside any category.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value and whether MemOS may update it.</param>
    /// <returns>This instance, for chaining.</returns>
    public ProfileMetadata Set(string field, ProfileFieldValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(value);
        _fields[field] = value;
        return this;
    }

    internal bool IsEmpty => _categories.Count == 0 && _fields.Count == 0;

    internal IEnumerable<KeyValuePair<string, Dictionary<string, ProfileFieldValue>>> CategoryEntries => _categories;
}
