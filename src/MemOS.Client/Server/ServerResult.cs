using System.Text.Json;

namespace MemOS.Client.Server;

/// <summary>
/// The answer of a self-hosted memory route (add, search, get, delete, feedback). The server's
/// documentation names these routes without describing their payloads, so the envelope's <c>data</c> is handed
/// over whole rather than guessed into types; nothing the server sends is lost.
/// </summary>
public sealed record ServerResult
{
    /// <summary>
    /// The envelope's <c>data</c> as received: an object, an array, or
    /// <see cref="JsonValueKind.Null"/>; <see cref="JsonValueKind.Undefined"/> when the answer had no <c>data</c>.
    /// </summary>
    public JsonElement Data { get; init; }
}
