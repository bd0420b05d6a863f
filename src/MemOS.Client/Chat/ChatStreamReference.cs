using System.Text.Json;

namespace MemOS.Client.Chat;

/// <summary>
/// The memories the answer draws on (<c>type: "reference"</c>), sent by the
/// self-hosted server before the answer and again after an internet search.
/// </summary>
/// <param name="References">The <c>data</c> as sent: normally an array of memory items, each with its
/// <c>metadata</c>.</param>
public sealed record ChatStreamReference(JsonElement References) : ChatStreamEvent;
