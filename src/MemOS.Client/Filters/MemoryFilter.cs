using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Filters;

/// <summary>
/// The <c>filter</c> of search/memory, get/memory and chat: conditions joined by
/// <c>and</c> or <c>or</c>, optionally per memory source. Filters narrow the candidates before
/// semantic recall; they are not a keyword search.
/// </summary>
/// <example>
/// <code>
/// var filter = MemoryFilter.And(
///     MemoryFilter.Eq("agent_id", "health_assistant"),
///     MemoryFilter.Gte("create_time", new DateOnly(2025, 1, 1)));
/// </code>
/// </example>
[JsonConverter(typeof(MemoryFilterConverter))]
public sealed class MemoryFilter
{
    private static readonly string[] SourceKeys = ["user", "agent", "public", "knowledgebase"];

    private readonly byte[] _utf8Json;

    private MemoryFilter(byte[] utf8Json, bool isPerSource)
    {
        _utf8Json = utf8Json;
        IsPerSource = isPerSource;

        // Decided once: the filter is immutable, and serializing a request asks for every send.
        using var document = JsonDocument.Parse(utf8Json);
        HasConditions = Conditions(document.RootElement);
    }

    /// <summary>
    /// <see langword="true"/> when the filter is keyed by source (<c>user</c>, <c>agent</c>, <c>public</c>,
    /// <c>knowledgebase</c>).
    /// </summary>
    public bool IsPerSource { get; }

    // Each list parameter comes as a params array (callable from C# 12, the default on .NET 8) and
    // as an IEnumerable for conditions built elsewhere; C# 13's params collections would exclude C# 12.

    /// <summary>A filter that every condition must match.</summary>
    /// <param name="conditions">The conditions, at least one.</param>
    public static MemoryFilter And(params FilterCondition[] conditions) => Join("and", conditions);

    /// <summary>A filter that every condition must match.</summary>
    /// <param name="conditions">The conditions, at least one.</param>
    public static MemoryFilter And(IEnumerable<FilterCondition> conditions) => Join("and", conditions);

    /// <summary>A filter that at least one condition must match.</summary>
    /// <param name="conditions">The conditions, at least one.</param>
    public static MemoryFilter Or(params FilterCondition[] conditions) => Join("or", conditions);

    /// <summary>A filter that at least one condition must match.</summary>
    /// <param name="conditions">The conditions, at least one.</param>
    public static MemoryFilter Or(IEnumerable<FilterCondition> conditions) => Join("or", conditions);

    /// <summary>
    /// A filter with its own conditions per memory source; sources left null get no extra
    /// condition. <paramref name="knowledgebase"/> applies only inside the knowledge bases the
    /// request names.
    /// </summary>
    /// <param name="user">Conditions on the user's own memories.</param>
    /// <param name="agent">Conditions on agent memories.</param>
    /// <param name="public">Conditions on the project's public memories.</param>
    /// <param name="knowledgebase">Conditions on knowledge-base memories.</param>
    public static MemoryFilter BySource(
        MemoryFilter? user = null,
        MemoryFilter? agent = null,
        MemoryFilter? @public = null,
        MemoryFilter? knowledgebase = null)
    {
        MemoryFilter?[] groups = [user, agent, @public, knowledgebase];
        if (groups.All(g => g is null))
        {
            throw new ArgumentException("A per-source filter needs a condition group for at least one source.");
        }

        return Write(isPerSource: true, writer =>
        {
            writer.WriteStartObject();
            for (var i = 0; i < groups.Length; i++)
            {
                if (groups[i] is not { } group)
                {
                    continue;
                }

                if (group.IsPerSource)
                {
                    throw new ArgumentException($"The '{SourceKeys[i]}' group must be an And or Or filter, not another "
                        + "per-source filter.", SourceKeys[i]);
                }

                writer.WritePropertyName(SourceKeys[i]);
                writer.WriteRawValue(group._utf8Json, skipInputValidation: true);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>Uses a filter written as JSON, for grammar this builder does not cover.</summary>
    /// <param name="json">A JSON object.</param>
    public static MemoryFilter FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>Uses a filter given as a JSON element.</summary>
    /// <param name="json">A JSON object.</param>
    public static MemoryFilter FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A MemOS filter must be a JSON object, not {json.ValueKind}.", nameof(json));
        }

        var perSource = json.EnumerateObject().Any(p => SourceKeys.Contains(p.Name, StringComparer.Ordinal));
        return new(Encoding.UTF8.GetBytes(json.GetRawText()), perSource);
    }

    /// <summary>
    /// Equality: <c>{"field": "value"}</c>. Works for <c>agent_id</c>, <c>app_id</c> and any <c>info</c> key, written
    /// flat.
    /// </summary>
    /// <param name="field">The field or info key.</param>
    /// <param name="value">The value to match.</param>
    public static FilterCondition Eq(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(field, null, value, null);
    }

    /// <summary>Matches any of several ids: <c>{"related_id": ["a", "b"]}</c>.</summary>
    /// <param name="field">The list field, normally <c>related_id</c>.</param>
    /// <param name="values">The ids, at least one.</param>
    public static FilterCondition AnyOf(string field, params string[] values)
        => AnyOf(field, (IEnumerable<string>)values);

    /// <summary>Matches any of several ids: <c>{"related_id": ["a", "b"]}</c>.</summary>
    /// <param name="field">The list field, normally <c>related_id</c>.</param>
    /// <param name="values">The ids, at least one.</param>
    public static FilterCondition AnyOf(string field, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (list.Length == 0 || list.Any(v => v is null))
        {
            throw new ArgumentException("AnyOf needs at least one non-null value.", nameof(values));
        }

        return new(field, null, null, list);
    }

    /// <summary>List membership: <c>{"tags": {"contains": "value"}}</c>.</summary>
    /// <param name="field">The list field, normally <c>tags</c>.</param>
    /// <param name="value">The item that must be in the list.</param>
    public static FilterCondition Contains(string field, string value) => Compare(field, "contains", value);

    /// <summary>Later than: <c>{"create_time": {"gt": "2025-01-01"}}</c>.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="value">A date text, <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Gt(string field, string value) => Compare(field, "gt", value);

    /// <summary>At or after: <c>{"create_time": {"gte": "2025-01-01"}}</c>.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="value">A date text, <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Gte(string field, string value) => Compare(field, "gte", value);

    /// <summary>Earlier than: <c>{"create_time": {"lt": "2025-12-31"}}</c>.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="value">A date text, <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Lt(string field, string value) => Compare(field, "lt", value);

    /// <summary>At or before: <c>{"create_time": {"lte": "2025-12-31"}}</c>.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="value">A date text, <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Lte(string field, string value) => Compare(field, "lte", value);

    /// <summary>Later than a date.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="date">The date, sent as <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Gt(string field, DateOnly date) => Gt(field, FormatDate(date));

    /// <summary>At or after a date.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="date">The date, sent as <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Gte(string field, DateOnly date) => Gte(field, FormatDate(date));

    /// <summary>Earlier than a date.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="date">The date, sent as <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Lt(string field, DateOnly date) => Lt(field, FormatDate(date));

    /// <summary>At or before a date.</summary>
    /// <param name="field"><c>create_time</c> or <c>update_time</c>.</param>
    /// <param name="date">The date, sent as <c>YYYY-MM-DD</c>.</param>
    public static FilterCondition Lte(string field, DateOnly date) => Lte(field, FormatDate(date));

    /// <summary>The filter as compact JSON, exactly as it is sent.</summary>
    public string ToJson() => Encoding.UTF8.GetString(_utf8Json);

    /// <inheritdoc />
    public override string ToString() => ToJson();

    /// <summary>
    /// Whether the filter holds at least one condition. One without (<c>{}</c>, <c>{"and": []}</c>)
    /// is never sent: the service rejects an empty filter object with 40000.
    /// </summary>
    internal bool HasConditions { get; }

    internal void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(_utf8Json, skipInputValidation: true);

    // Groups ("and", "or", and the per-source keys) hold conditions; any other key is a condition itself.
    private static bool Conditions(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().Any(p => p.Name is not ("and" or "or")
            && !SourceKeys.Contains(p.Name, StringComparer.Ordinal) || Conditions(p.Value)),
        JsonValueKind.Array => json.EnumerateArray().Any(Conditions),
        _ => false,
    };

    private static FilterCondition Compare(string field, string op, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(field, op, value, null);
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static MemoryFilter Join(string op, IEnumerable<FilterCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var list = conditions.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException($"An '{op}' filter needs at least one condition.", nameof(conditions));
        }

        return Write(isPerSource: false, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray(op);
            foreach (var condition in list)
            {
                (condition ?? throw new ArgumentException("Filter conditions must not be null.", nameof(conditions)))
                    .WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static MemoryFilter Write(bool isPerSource, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new(buffer.WrittenSpan.ToArray(), isPerSource);
    }
}
