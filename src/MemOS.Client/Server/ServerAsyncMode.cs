using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// Whether the self-hosted server processes a write in the background or before it answers
/// (<c>async_mode</c>). Unlike the cloud's boolean, the server takes the words <c>async</c> and
/// <c>sync</c>. An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ServerAsyncMode>))]
public readonly record struct ServerAsyncMode : IStringValue<ServerAsyncMode>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public ServerAsyncMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>
    /// Queued and processed in the background; the server answers at once. The server default. (<c>async</c>)
    /// </summary>
    public static ServerAsyncMode Async { get; } = new("async");

    /// <summary>Processed before the server answers. (<c>sync</c>)</summary>
    public static ServerAsyncMode Sync { get; } = new("sync");

    /// <summary>The text the server uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public static implicit operator ServerAsyncMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ServerAsyncMode IStringValue<ServerAsyncMode>.Create(string value) => new(value);
}
