namespace MemOS.Client.Api;

/// <summary>
/// A local-file upload as the Refit method takes it: the knowledge base and type travel in the query, the files as
/// parts.
/// </summary>
internal sealed record UploadRequest(string KnowledgeBaseId, string? Type, UploadPart[] Parts);
