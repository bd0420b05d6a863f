using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// An id field that MemOS accepts as one string or, for group chats, as an array of up to 20
/// strings (<c>user_id</c> and <c>agent_id</c> of add/message). A plain string converts
/// implicitly, so <c>UserId = "alice"</c> just works.
/// </summary>
[JsonConverter(typeof(OneOrManyIdsConverter))]
public sealed record OneOrManyIds
{
    private OneOrManyIds(IReadOnlyList<string> values, bool isArray)
    {
        Values = values;
        IsArray = isArray;
    }

    /// <summary>The ids, one or more.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary><see langword="true"/> when the ids are sent as a JSON array.</summary>
    public bool IsArray { get; }

    /// <summary>A single id, sent as a JSON string.</summary>
    /// <param name="id">The id.</param>
    public static OneOrManyIds One(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new([id], isArray: false);
    }

    /// <summary>Several ids (a group chat), sent as a JSON array.</summary>
    /// <param name="ids">The ids.</param>
    public static OneOrManyIds Many(params string[] ids) => Many((IEnumerable<string>)ids);

    /// <summary>Several ids (a group chat), sent as a JSON array.</summary>
    /// <param name="ids">The ids.</param>
    public static OneOrManyIds Many(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        foreach (var id in list)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(ids));
        }

        return new(list, isArray: true);
    }

    /// <summary>Converts a single id; null stays null, so an optional id left null is omitted.</summary>
    /// <param name="id">The id.</param>
    [return: NotNullIfNotNull(nameof(id))]
    public static implicit operator OneOrManyIds?(string? id) => id is null ? null : One(id);

    /// <summary>Converts an array of ids; null stays null, so an optional id left null is omitted.</summary>
    /// <param name="ids">The ids.</param>
    [return: NotNullIfNotNull(nameof(ids))]
    public static implicit operator OneOrManyIds?(string[]? ids) => ids is null ? null : Many(ids);

    /// <inheritdoc />
    public bool Equals(OneOrManyIds? other)
        => other is not null && IsArray == other.IsArray && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsArray);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Values);
}
