namespace MemOS.Client;

/// <summary>
/// Client-side checks of the limits the service documents (identifier lengths, id counts, recall and page sizes, upload
/// sizes), so a request the
/// service would reject fails before anything is sent, naming the field and the limit.
/// </summary>
internal static class Guard
{
    public static void Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} is required and must not be empty or whitespace.", field);
        }
    }

    public static void Required<T>(IReadOnlyCollection<T>? value, string field)
    {
        if (value is null || value.Count == 0)
        {
            throw new ArgumentException($"{field} is required and must hold at least one item.", field);
        }
    }

    /// <summary>An id that must be given: the same checks as <see cref="Id"/>, with null refused too.</summary>
    public static void RequiredId(string? value, string field)
    {
        Required(value, field);
        Id(value, field);
    }

    /// <summary>
    /// An optional id: null omits it; when given, it must have a non-blank value within the service's length limit.
    /// </summary>
    public static void Id(string? value, string field)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty or whitespace; leave it null to omit it.", field);
        }

        if (value.Length > MemOSLimits.MaxIdLength)
        {
            throw new ArgumentException($"{field} must be at most {MemOSLimits.MaxIdLength} characters; it has "
                + $"{value.Length}.", field);
        }
    }

    public static void Ids(OneOrManyIds? value, string field)
    {
        if (value is null)
        {
            return;
        }

        if (value.Values.Count == 0)
        {
            throw new ArgumentException($"{field} must hold at least one id.", field);
        }

        if (value.Values.Count > MemOSLimits.MaxGroupIds)
        {
            throw new ArgumentException($"{field} may hold at most {MemOSLimits.MaxGroupIds} ids in a group chat; it "
                + $"has {value.Values.Count}.", field);
        }

        foreach (var id in value.Values)
        {
            Id(id, field);
        }
    }

    public static void Range(double? value, double min, double max, string field)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(field, v, $"{field} must be between {min} and {max}.");
        }
    }

    public static void AtLeast(double? value, double min, string field)
    {
        if (value is { } v && (double.IsNaN(v) || v < min))
        {
            throw new ArgumentOutOfRangeException(field, v, $"{field} must be at least {min}.");
        }
    }

    public static void Range(int? value, int min, int max, string field)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(field, v, $"{field} must be between {min} and {max}.");
        }
    }

    /// <summary>For fields the service treats as mutually exclusive modes: exactly one must be set.</summary>
    public static void ExactlyOne(string fields, params object?[] values)
    {
        var set = values.Count(v => v is not null);
        if (set != 1)
        {
            throw new ArgumentException(
                set == 0
                    ? $"One of {fields} is required."
                    : $"Give exactly one of {fields}; they are mutually exclusive.",
                fields);
        }
    }

    /// <summary>An id sent in the URL path: "." and ".." would be resolved away and hit another route.</summary>
    public static void PathSegment(string? value, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, field);
        if (value is "." or "..")
        {
            throw new ArgumentException($"{field} '{value}' cannot be sent in a URL path.", field);
        }
    }
}
