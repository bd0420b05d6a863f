using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>The data behind one API key, as the service keeps it per project. Guarded by <see cref="Gate"/>.</summary>
internal sealed class EmulatorTenant
{
    public object Gate { get; } = new();

    public List<StoredMemory> Memories { get; } = [];

    /// <summary>
    /// Raw messages in the order they were stored, each with the <c>chat_time</c> it was written with, if any.
    /// </summary>
    public List<(
        string UserId,
        string ConversationId,
        string Role,
        string Content,
        string? ChatTime,
        long Time)> Messages { get; } = [];

    public Dictionary<string, EmulatorTask> Tasks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Name, string? Description)> KnowledgeBases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredFile> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StoredTemplate> Templates { get; } = new(StringComparer.Ordinal);

    /// <summary>Profile instances keyed by template id and subject (user or agent id).</summary>
    public Dictionary<(string TemplateId, string Subject), JsonObject> Profiles { get; } = [];
}
