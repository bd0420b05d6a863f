using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation.Routes;

/// <summary>Knowledge bases and their files (JSON and multipart uploads), with the documented limit codes.</summary>
internal static class KnowledgeBaseRoutes
{
    private const int MaxFiles = 20;
    private const double BytesPerMB = 1024 * 1024;

    public static void Map(Dictionary<string, Func<EmulatorCall, Task>> routes)
    {
        routes["create/knowledgebase"] = Create;
        routes["delete/knowledgebase"] = Delete;
        routes["add/knowledgebase-file"] = AddFiles;
        routes["get/knowledgebase-file"] = GetFiles;
        routes["delete/knowledgebase-file"] = DeleteFiles;
    }

    private static Task Create(EmulatorCall call)
    {
        var name = call.Request.String("knowledgebase_name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return call.Error(MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: knowledgebase_name");
        }

        var id = "base" + EmulatorCall.NewId();
        lock (call.Tenant.Gate)
        {
            call.Tenant.KnowledgeBases[id] = (name, call.Request.String("knowledgebase_description"));
        }

        return call.Ok(new JsonObject { ["id"] = id });
    }

    private static Task Delete(EmulatorCall call)
    {
        var id = call.Request.String("knowledgebase_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return call.Error(MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: knowledgebase_id");
        }

        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.KnowledgeBases.Remove(id))
            {
                return call.Error(MemOSErrorCodes.KnowledgeBaseNotFound, "Knowledge base not found");
            }

            foreach (var file in call.Tenant.Files.Values.Where(f => f.KnowledgeBaseId == id).ToArray())
            {
                call.Tenant.Files.Remove(file.Id);
            }
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }

    private static Task AddFiles(EmulatorCall call)
    {
        var request = call.Request;

        // The multipart form names the knowledge base and type in the query (SPEC §9.4).
        var form = request.Form;
        var knowledgeBaseId = form is null
            ? request.String("knowledgebase_id")
            : request.Query["knowledgebase_id"].ToString();
        var defaultType = form is null
            ? "document"
            : request.Query["type"].ToString() is { Length: > 0 } queryType ? queryType : "document";
        var files = form is null
            ? (request.Body["file"] as JsonArray ?? []).OfType<JsonObject>().Select(f => (
                Name: f["name"]?.ToString()
                    ?? Path.GetFileName(Uri.UnescapeDataString(f["content"]?.ToString() ?? string.Empty)),
                Type: f["type"]?.ToString() ?? defaultType,
                Bytes: (long)(f["content"]?.ToString().Length ?? 0),
                HasContent: !string.IsNullOrWhiteSpace(f["content"]?.ToString()))).ToArray()
            : form.Files.Select(f => (Name: f.FileName, Type: defaultType, Bytes: f.Length, HasContent: true))
                .ToArray();
        if (call.Invalid(
                out var error,
                (string.IsNullOrWhiteSpace(knowledgeBaseId), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: knowledgebase_id"),
                (files.Length == 0, MemOSErrorCodes.FieldEmpty, "Field is empty: file"),
                (files.Any(f => !f.HasContent), MemOSErrorCodes
                    .RequiredFieldEmpty, "Required field is empty: file.content"),
                (files.Length > MaxFiles, MemOSErrorCodes.TooManyFiles, "More than 20 files in one upload"),
                (files.Any(f => f.Bytes > MemOSLimits.MaxFileBytes), MemOSErrorCodes
                    .FileTooLarge, "A file is larger than 100 MB"),
                (files.Sum(f => f.Bytes) > MemOSLimits.MaxUploadBytes, MemOSErrorCodes
                    .UploadTooLarge, "The upload is larger than 300 MB in total"),
                (files.Any(f => f.Type is not ("document" or "skill")), MemOSErrorCodes
                    .UnsupportedType, "Unsupported type value")))
        {
            return error;
        }

        var accepted = new JsonArray();
        lock (call.Tenant.Gate)
        {
            if (!call.Tenant.KnowledgeBases.ContainsKey(knowledgeBaseId!))
            {
                return call.Error(MemOSErrorCodes.KnowledgeBaseNotFound, "Knowledge base not found");
            }

            foreach (var (name, type, bytes, _) in files)
            {
                var file = new StoredFile(EmulatorCall.NewId(), knowledgeBaseId!, name, type, bytes / BytesPerMB);
                call.Tenant.Files[file.Id] = file;
                accepted.Add((JsonNode)new JsonObject
                {
                    ["id"] = file.Id,
                    ["type"] = file.Type,
                    ["name"] = file.Name,
                    ["sizeMB"] = file.SizeMB,
                    ["status"] = "running",
                });
            }
        }

        return call.Ok(accepted);
    }

    private static Task GetFiles(EmulatorCall call)
    {
        var request = call.Request;
        var ids = request.Body["file_ids"] is JsonArray ? request.Strings("file_ids") : null;
        var knowledgeBaseId = request.String("knowledgebase_id");
        if (call.Invalid(out var error, ((ids is null) == (knowledgeBaseId is null), MemOSErrorCodes
            .InvalidParameters, "Invalid request parameters: give file_ids or knowledgebase_id, not both")))
        {
            return error;
        }

        lock (call.Tenant.Gate)
        {
            if (ids is not null)
            {
                return call.Ok(new JsonObject
                {
                    ["file_detail_list"] = new JsonArray(
                        [.. ids.Where(call.Tenant.Files.ContainsKey).Select(id => Detail(call.Tenant.Files[id]))]),
                });
            }

            if (!call.Tenant.KnowledgeBases.ContainsKey(knowledgeBaseId!))
            {
                return call.Error(MemOSErrorCodes.KnowledgeBaseNotFound, "Knowledge base not found");
            }

            var type = request.String("type");
            var page = (int)(request.Number("page") ?? 1);
            var pageSize = (int)(request.Number("page_size") ?? 20);
            var all = call.Tenant.Files.Values
                .Where(f => f.KnowledgeBaseId == knowledgeBaseId && (type is null || f.Type == type))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToArray();
            return call.Ok(new JsonObject
            {
                ["file_detail_list"] = new JsonArray(
                    [.. all.Skip((page - 1) * pageSize).Take(pageSize).Select(Detail)]),
                ["total"] = all.Length,
                ["page"] = page,
                ["page_size"] = pageSize,
            });
        }
    }

    private static Task DeleteFiles(EmulatorCall call)
    {
        var ids = call.Request.Strings("file_ids");
        if (ids.Count == 0)
        {
            return call.Error(MemOSErrorCodes.RequiredFieldEmpty, "Required field is empty: file_ids");
        }

        lock (call.Tenant.Gate)
        {
            foreach (var id in ids)
            {
                call.Tenant.Files.Remove(id);
            }
        }

        return call.Ok(new JsonObject { ["success"] = true });
    }

    // Processing is instant here, so a listed file is always complete.
    private static JsonObject Detail(StoredFile file) => new()
    {
        ["id"] = file.Id,
        ["type"] = file.Type,
        ["name"] = file.Name,
        ["size"] = $"{file.SizeMB.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}MB",
        ["status"] = "completed",
    };
}
