namespace MemOS.Client.Testing.Emulation;

/// <summary>A file added to a knowledge base; processing completes at once.</summary>
internal sealed record StoredFile(string Id, string KnowledgeBaseId, string Name, string Type, double SizeMB);
