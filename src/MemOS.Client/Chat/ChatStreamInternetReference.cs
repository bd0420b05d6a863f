using System.Text.Json;

namespace MemOS.Client.Chat;

/// <summary>The web results an internet search contributed (<c>type: "internet_reference"</c>).</summary>
/// <param name="References">The <c>data</c> as sent, normally an array.</param>
public sealed record ChatStreamInternetReference(JsonElement References) : ChatStreamEvent;
