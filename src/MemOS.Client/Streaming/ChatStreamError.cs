using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// An <c>error</c> frame; never handed to callers, the reader turns it into <see cref="MemOSStreamException"/>.
/// </summary>
internal sealed record ChatStreamError(string Message) : ChatStreamEvent;
