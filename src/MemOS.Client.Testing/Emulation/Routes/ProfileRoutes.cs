using System.Globalization;
using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>Profile templates, their instances per subject, and how profiles appear in get/memory and search.</summary>
internal static class ProfileRoutes
{
    private const int MaxBindings = 20;

    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes)
    {
        routes["add/profile_template"] = AddTemplate;
        routes["list/profile_template"] = ListTemplates;
        routes["get/profile_template"] = GetTemplate;
        routes["update/profile_template"] = UpdateTemplate;
        routes["delete/profile_template"] = DeleteTemplate;
        routes["bind/profile_template"] = Bind;
        routes["edit/profile"] = Edit;
        routes["delete/profile"] = DeleteProfile;
    }

    /// <summary>
    /// get/memory's view of a subject's profiles (GetProfileMemoryDetail). Caller must not hold the gate.
    /// </summary>
    public static List<JsonNode?> Instances(EmulatorTenant tenant, string subject)
    {
        lock (tenant.Gate)
        {
            return tenant.Profiles
                .Where(p => p.Key.Subject == subject)
                .Select(p => (JsonNode?)new JsonObject
                {
                    ["id"] = $"{p.Key.TemplateId}_{subject}",
                    ["project_id"] = "emulator",
                    ["profile_template_id"] = p.Key.TemplateId,
                    ["properties"] = p.Value.DeepClone(),
                    ["status"] = "activated",
                })
                .ToList();
        }
    }

    /// <summary>search/memory's view: one item per filled field, scored against the query.</summary>
    public static JsonArray SearchDetails(EmulatorTenant tenant, string subject, string query)
    {
        var items = new JsonArray();
        lock (tenant.Gate)
        {
            foreach (var ((templateId, owner), tree) in tenant.Profiles)
            {
                if (owner != subject)
                {
                    continue;
                }

                foreach (var (category, field, value) in Fields(tree).Where(
                    f => f.Value["value"]?.ToString() is { Length: > 0 }))
                {
                    var path = category is null ? field : $"{category}.{field}";
                    var text = $"{path}: {value["value"]}";
                    items.Add((JsonNode)new JsonObject
                    {
                        ["id"] = $"{templateId}_{subject}_{path}",
                        ["memory"] = text,
                        ["memory_type"] = "ProfileMemory",
                        ["template_id"] = templateId,
                        ["profile_category"] = category,
                        ["profile_field"] = field,
                        ["profile_path"] = path,
                        ["status"] = "activated",
                        ["confidence"] = 0.99,
                        ["relativity"] = RelevanceScorer.Score(query, text),
                        ["algorithm_updatable"] = value["algorithm_updatable"]?.GetValue<bool>() ?? true,
                    });
                }
            }
        }

        return items;
    }

    private static IEnumerable<(string? Category, string Field, JsonObject Value)> Fields(JsonObject tree)
    {
        foreach (var (name, node) in tree)
        {
            if (node is not JsonObject entry)
            {
                continue;
            }

            if (entry.ContainsKey("value"))
            {
                yield return (null, name, entry);
                continue;
            }

            foreach (var (field, value) in entry)
            {
                if (value is JsonObject fieldValue)
                {
                    yield return (name, field, fieldValue);
                }
            }
        }
    }

    private static string? Subject(EmulatorCall call, out Task? error)
    {
        var userId = call.Request.String("user_id");
        var agentId = call.Request.String("agent_id");
        error = (userId is null) == (agentId is null) ? call.Error(
            MemOSErrorCodes.InvalidParameters,
            "Invalid request parameters: give user_id or agent_id, not both") : null;
        return userId ?? agentId;
    }

    private static Task AddTemplate(EmulatorCall call)
    {
        var name = call.Request.String("name")?.Trim();
        if (call.Invalid(
                out var error,
                (string.IsNullOrEmpty(name), MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: name"),
                (call.Request.Body["metadata"] is not JsonObject { Count: > 0 }, MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: metadata")))
        {
            return error;
        }

        var template = new StoredTemplate
        {
            Id = "tpl_" + EmulatorCall.NewId()[..12],
            Name = name!,
            Metadata = (JsonObject)call.Request.Body["metadata"]!.DeepClone(),
            CreateTime = call.Now,
            UpdateTime = call.Now,
        };
        lock (call.Tenant.Gate)
        {
            call.Tenant.Templates[template.Id] = template;
        }

        return call.Ok(new JsonObject { ["profile_template_id"] = template.Id });
    }

    private static Task ListTemplates(EmulatorCall call)
    {
        var page = (int)(call.Request.Number("page") ?? 1);
        var size = (int)(call.Request.Number("size") ?? 10);
        if (call.Invalid(out var error, (page < 1 || size is < 1 or > 100, MemOSErrorCodes
            .InvalidParameters, "Invalid request parameters: page from 1, size 1 to 100")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            var all = call.Tenant.Templates.Values.OrderByDescending(t => t.CreateTime)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .ToArray();
            return call.Ok(new JsonObject
            {
                ["profile_templates"] = new JsonArray(
                    [.. all.Skip((page - 1) * size).Take(size).Select(t => Summary(call.Tenant, t))]),
                ["total"] = all.Length,
                ["current"] = page,
                ["size"] = size,
                ["pages"] = (all.Length + size - 1) / size,
            });
        }
    }

    private static Task GetTemplate(EmulatorCall call)
    {
        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.Templates
                .TryGetValue(call.Request.String("profile_template_id") ?? string.Empty, out var template))
            {
                return call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
            }

            var json = Summary(call.Tenant, template);
            json["metadata"] = template.Metadata.DeepClone();
            return call.Ok(new JsonObject { ["profile_template"] = json });
        }
    }

    private static Task UpdateTemplate(EmulatorCall call)
    {
        var id = call.Request.String("profile_template_id") ?? string.Empty;
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(call.Request.String("name")), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: name"),
                (call.Request.Body["metadata"] is not JsonObject { Count: > 0 }, MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: metadata")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.Templates.TryGetValue(id, out var template))
            {
                return call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
            }

            template.Name = call.Request.String("name")!;
            template.Metadata = (JsonObject)call.Request.Body["metadata"]!.DeepClone();
            template.UpdateTime = call.Now;
            var affected = call.Tenant.Profiles.Keys.Where(k => k.TemplateId == id).ToArray();
            foreach (var key in affected)
            {
                // New fields reach every bound profile; values already filled in are kept.
                call.Tenant.Profiles[key] = Merge((JsonObject)template.Metadata.DeepClone(), call.Tenant.Profiles[key]);
            }

            return call.Ok(new JsonObject
            {
                ["success"] = true,
                ["profile_template_id"] = id,
                ["affected_instances"] = affected.Length,
            });
        }
    }

    private static Task DeleteTemplate(EmulatorCall call)
    {
        var id = call.Request.String("profile_template_id") ?? string.Empty;
        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.Templates.Remove(id))
            {
                return call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
            }

            var deleted = call.Tenant.Profiles.Keys.Where(k => k.TemplateId == id).ToArray();
            foreach (var key in deleted)
            {
                call.Tenant.Profiles.Remove(key);
            }

            return call.Ok(new JsonObject
            {
                ["success"] = true,
                ["profile_template_id"] = id,
                ["deleted_instances"] = deleted.Length,
            });
        }
    }

    private static Task Bind(EmulatorCall call)
    {
        var bindings = (call.Request.Body["bind_list"] as JsonArray)?.OfType<JsonObject>().ToArray() ?? [];
        if (call.Invalid(
                out var error,
                (bindings.Length == 0, MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: bind_list"),
                (bindings.Length > MaxBindings, MemOSErrorCodes
                    .InvalidParameters, "Invalid request parameters: at most 20 bindings")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            foreach (var binding in bindings)
            {
                var templateId = binding["profile_template_id"]?.ToString() ?? string.Empty;
                var subject = binding["user_id"]?.ToString() ?? binding["agent_id"]?.ToString();
                if (subject is null || !call.Tenant.Templates.TryGetValue(templateId, out var template))
                {
                    return call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
                }

                call.Tenant.Profiles.TryAdd((templateId, subject), (JsonObject)template.Metadata.DeepClone());
            }
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }

    private static Task Edit(EmulatorCall call)
    {
        var subject = Subject(call, out var subjectError);
        if (subjectError is not null)
        {
            return subjectError;
        }

        var key = (call.Request.String("profile_template_id") ?? string.Empty, subject!);
        var metadata = call.Request.Body["metadata"] as JsonObject;
        var removals = call.Request.Strings("remove_fields");
        if (call.Invalid(out var error, (metadata is null && removals.Count == 0, MemOSErrorCodes
            .RequiredFieldEmpty, "Required field is empty: metadata or remove_fields")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.Profiles.TryGetValue(key, out var tree))
            {
                return call.Error(
                    MemOSErrorCodes.DataNotFound,
                    "Requested data not found: bind the template to this subject first");
            }

            if (metadata is not null)
            {
                tree = Merge(tree, (JsonObject)metadata.DeepClone());
            }

            foreach (var path in removals)
            {
                var dot = path.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0)
                {
                    tree.Remove(path);
                }
                else if (tree[path[..dot]] is JsonObject category)
                {
                    category.Remove(path[(dot + 1)..]);
                }
            }

            call.Tenant.Profiles[key] = tree;
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }

    private static Task DeleteProfile(EmulatorCall call)
    {
        var subject = Subject(call, out var subjectError);
        if (subjectError is not null)
        {
            return subjectError;
        }

        lock (call.Tenant.Gate)
        {
            return call.Tenant.Profiles.Remove((call.Request.String("profile_template_id") ?? string.Empty, subject!))
                ? call.Ok(new JsonObject { ["success"] = true })
                : call.Error(MemOSErrorCodes.DataNotFound, "Requested data not found");
        }
    }

    private static JsonObject Summary(EmulatorTenant tenant, StoredTemplate template) => new()
    {
        ["profile_template_id"] = template.Id,
        ["name"] = template.Name,
        ["project_id"] = "emulator",
        ["instance_count"] = tenant.Profiles.Keys.Count(k => k.TemplateId == template.Id),
        ["create_time"] = Text(template.CreateTime),
        ["update_time"] = Text(template.UpdateTime),
    };

    private static string Text(long epochMilliseconds)
        => DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Overlays <paramref name="changes"/> on <paramref name="target"/>: fields replace, categories merge.
    /// </summary>
    private static JsonObject Merge(JsonObject target, JsonObject changes)
    {
        foreach (var (name, node) in changes.ToArray())
        {
            changes.Remove(name);
            if (node is JsonObject category && !category.ContainsKey("value") && target[name] is JsonObject existing
                && !existing.ContainsKey("value"))
            {
                Merge(existing, category);
            }
            else
            {
                target[name] = node;
            }
        }

        return target;
    }
}
