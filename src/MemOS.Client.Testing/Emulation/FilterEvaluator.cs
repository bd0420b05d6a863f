using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Applies the cloud filter grammar (<c>and</c>/<c>or</c> conditions, globally or per source) to stored memories.
/// Invalid filters are reported
/// the way the service does, as code 40000.
/// </summary>
internal static class FilterEvaluator
{
    private static readonly string[] Sources = ["user", "agent", "public", "knowledgebase"];

    /// <summary>Builds the predicate, or returns an error text for an invalid filter.</summary>
    public static Func<StoredMemory, bool> Compile(JsonNode? filter, out string? error)
    {
        error = null;
        if (filter is null)
        {
            return _ => true;
        }

        if (filter is not JsonObject root || root.Count == 0)
        {
            error = "filter must be a non-empty object";
            return _ => false;
        }

        if (root.Any(p => Sources.Contains(p.Key)))
        {
            // The emulator holds only user memories, so only the "user" group narrows anything.
            return root["user"] is JsonObject userGroup ? CompileGroup(userGroup, out error) : _ => true;
        }

        return CompileGroup(root, out error);
    }

    private static Func<StoredMemory, bool> CompileGroup(JsonObject group, out string? error)
    {
        error = null;
        if (group.Count != 1 || group.First() is not { Key: "and" or "or", Value: JsonArray conditions })
        {
            error = "a filter group must be {\"and\": [...]} or {\"or\": [...]}";
            return _ => false;
        }

        var isAnd = group.First().Key == "and";
        var predicates = new List<Func<StoredMemory, bool>>();
        foreach (var node in conditions)
        {
            if (node is not JsonObject { Count: 1 } condition)
            {
                error = "each condition must be an object with one field";
                return _ => false;
            }

            var (field, value) = condition.First();
            if (field is "and" or "or")
            {
                error = "nested logical operators are not allowed";
                return _ => false;
            }

            predicates.Add(CompileCondition(field, value));
        }

        return isAnd ? m => predicates.All(p => p(m)) : m => predicates.Any(p => p(m));
    }

    private static Func<StoredMemory, bool> CompileCondition(string field, JsonNode? value)
    {
        if (value is JsonArray anyOf)
        {
            var ids = anyOf.Select(v => v?.ToString()).ToHashSet(StringComparer.Ordinal);
            return m => ids.Contains(m.UserId) || (m.AgentId is not null && ids.Contains(m.AgentId));
        }

        if (value is JsonObject operation && operation.Count == 1)
        {
            var (op, operand) = operation.First();
            var text = operand?.ToString() ?? string.Empty;
            return op switch
            {
                "contains" => m => m.Tags.Contains(text, StringComparer.Ordinal),
                "gt" => m => CompareTime(m, field, text) > 0,
                "gte" => m => CompareTime(m, field, text) >= 0,
                "lt" => m => CompareTime(m, field, text) < 0,
                "lte" => m => CompareTime(m, field, text) <= 0,
                _ => _ => false,
            };
        }

        var expected = value?.ToString();
        return field switch
        {
            "agent_id" => m => m.AgentId == expected,
            "app_id" => m => m.AppId == expected,
            _ => m => m.Info[field] is JsonValue info && info.GetValueKind() == JsonValueKind.String
                && info.GetValue<string>() == expected,
        };
    }

    // Dates compare by calendar day, as the docs' YYYY-MM-DD examples do.
    private static int CompareTime(StoredMemory memory, string field, string bound)
    {
        if (field is not ("create_time" or "update_time")
            || !DateOnly.TryParse(bound, CultureInfo.InvariantCulture, out var date))
        {
            return int.MinValue;
        }

        var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(memory.CreateTime).UtcDateTime);
        return day.CompareTo(date);
    }
}
