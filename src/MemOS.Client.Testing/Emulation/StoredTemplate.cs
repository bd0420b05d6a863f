using System.Text.Json.Nodes;

namespace MemOS.Client.Testing.Emulation;

/// <summary>A profile template.</summary>
internal sealed class StoredTemplate
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required JsonObject Metadata { get; set; }

    public required long CreateTime { get; init; }

    public long UpdateTime { get; set; }
}
