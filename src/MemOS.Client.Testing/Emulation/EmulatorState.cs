using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>
/// Memories and messages of one tenant in a JSON file, so an emulator run as a dev service keeps them
/// across restarts. The file never holds the API key. Writes go to a temporary file beside it, then
/// replace it, so a stop in the middle leaves the previous state whole.
/// </summary>
internal static class EmulatorState
{
    private const int Version = 1;

    /// <summary>Loads the file into an empty tenant; a missing file is an empty state.</summary>
    /// <exception cref="InvalidDataException">The file is not a state this emulator wrote.</exception>
    public static void Load(EmulatorTenant tenant, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8)) as JsonObject
                ?? throw new InvalidDataException("not a JSON object");
            if ((int?)root["version"] != Version)
            {
                throw new InvalidDataException(
                    $"version {root["version"]?.ToJsonString() ?? "missing"}, expected {Version}");
            }

            lock (tenant.Gate)
            {
                tenant.Memories.AddRange(Items(root, "memories").Select(ReadMemory));
                tenant.Messages.AddRange(Items(root, "messages").Select(m => (
                    Text(m, "user_id"), Text(m, "conversation_id"), Text(m, "role"), Text(m, "content"), (string?)m[
                        "chat_time"], Number(m, "time"))));
            }
        }
        catch (Exception error)
            when (error is JsonException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException(
                $"The emulator state file '{path}' cannot be read ({error.Message}); move it away to start empty.",
                error);
        }
    }

    public static async Task SaveAsync(EmulatorTenant tenant, string path, CancellationToken cancellationToken)
    {
        JsonObject root;
        lock (tenant.Gate)
        {
            root = new JsonObject
            {
                ["version"] = Version,
                ["memories"] = new JsonArray([.. tenant.Memories.Select(WriteMemory)]),
                ["messages"] = new JsonArray([.. tenant.Messages.Select(m => (JsonNode)new JsonObject
                {
                    ["user_id"] = m.UserId,
                    ["conversation_id"] = m.ConversationId,
                    ["role"] = m.Role,
                    ["content"] = m.Content,
                    ["chat_time"] = m.ChatTime,
                    ["time"] = m.Time,
                })]),
            };
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(full)!,
            "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, root.ToJsonString(), new UTF8Encoding(false), cancellationToken)
                .ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonObject root, string name)
        => (root[name] as JsonArray ?? throw new InvalidDataException($"'{name}' is missing")).Select(
            item => item as JsonObject ?? throw new InvalidDataException($"an item of '{name}' is not an object"));

    private static string Text(JsonObject item, string name)
        => (string?)item[name] ?? throw new InvalidDataException($"'{name}' is missing");

    private static long Number(JsonObject item, string name)
        => (long?)item[name] ?? throw new InvalidDataException($"'{name}' is missing");

    private static JsonNode WriteMemory(StoredMemory memory) => new JsonObject
    {
        ["id"] = memory.Id,
        ["is_preference"] = memory.IsPreference,
        ["user_id"] = memory.UserId,
        ["agent_id"] = memory.AgentId,
        ["app_id"] = memory.AppId,
        ["conversation_id"] = memory.ConversationId,
        ["key"] = memory.Key,
        ["value"] = memory.Value,
        ["status"] = memory.Status,
        ["create_time"] = memory.CreateTime,
        ["update_time"] = memory.UpdateTime,
        ["tags"] = new JsonArray([.. memory.Tags.Select(tag => (JsonNode?)tag)]),
        ["info"] = memory.Info.DeepClone(),
        ["preference_type"] = memory.PreferenceType,
        ["source_message"] = memory.SourceMessage,
    };

    private static StoredMemory ReadMemory(JsonObject item) => new()
    {
        Id = Text(item, "id"),
        IsPreference = (bool?)item["is_preference"] ?? throw new InvalidDataException("'is_preference' is missing"),
        UserId = Text(item, "user_id"),
        AgentId = (string?)item["agent_id"],
        AppId = (string?)item["app_id"],
        ConversationId = Text(item, "conversation_id"),
        Key = Text(item, "key"),
        Value = Text(item, "value"),
        Status = Text(item, "status"),
        CreateTime = Number(item, "create_time"),
        UpdateTime = Number(item, "update_time"),
        Tags = (item["tags"] as JsonArray)?.Select(tag => (string?)tag ?? string.Empty).ToArray() ?? [],
        Info = (JsonObject?)item["info"]?.DeepClone() ?? [],
        PreferenceType = (string?)item["preference_type"] ?? "explicit_preference",
        SourceMessage = (string?)item["source_message"],
    };
}
