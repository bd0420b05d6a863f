using MemOS.Client.Messages;

namespace MemOS.Client.Import;

/// <summary>The messages of one add/message request; <see cref="TooLarge"/> when one message alone breaks the token limit.</summary>
internal sealed record ImportChunk(ImportRange Range, IReadOnlyList<MemOSMessage> Messages, bool TooLarge);
