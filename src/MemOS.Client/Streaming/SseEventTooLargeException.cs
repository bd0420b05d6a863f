namespace MemOS.Client.Streaming;

/// <summary>
/// An event, or one line of the body, is larger than the configured limit; the reader maps it to
/// <see cref="MemOSStreamException"/>.
/// </summary>
internal sealed class SseEventTooLargeException(int limit) : Exception($"An event is larger than {limit} bytes.")
{
    public int Limit { get; } = limit;
}
