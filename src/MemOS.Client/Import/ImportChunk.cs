using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>A run of a conversation's messages the import handles in one step, and how.</summary>
internal sealed record ImportChunk(ImportRange Range, IReadOnlyList<MemOSMessage> Messages, ChunkKind Kind);
