using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// An event whose data cannot be read (not UTF-8, not JSON); never handed to callers, the reader turns it into
/// <see cref="MemOSStreamException"/>.
/// </summary>
/// <param name="Problem">What is wrong with it, for the message.</param>
internal sealed record ChatStreamInvalidEvent(string Problem) : ChatStreamEvent;
