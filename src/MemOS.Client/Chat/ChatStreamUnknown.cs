namespace MemOS.Client.Chat;

/// <summary>
/// An event this SDK version does not model, or a known type whose data has an unexpected shape, passed through so
/// nothing is lost.
/// </summary>
/// <param name="Type">The event's <c>type</c>, or the SSE event name when the payload has none.</param>
/// <param name="RawJson">The event's data exactly as received (normally JSON).</param>
public sealed record ChatStreamUnknown(string Type, string RawJson) : ChatStreamEvent;
