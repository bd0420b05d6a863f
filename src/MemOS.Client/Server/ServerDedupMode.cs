using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// How the self-hosted server removes near-duplicate memories from search results (<c>dedup</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ServerDedupMode>))]
public readonly record struct ServerDedupMode : IStringValue<ServerDedupMode>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public ServerDedupMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>No deduplication. (<c>no</c>)</summary>
    public static ServerDedupMode None { get; } = new("no");

    /// <summary>Drops memories too similar to a better-ranked one. (<c>sim</c>)</summary>
    public static ServerDedupMode Similarity { get; } = new("sim");

    /// <summary>
    /// Maximal marginal relevance: balances relevance against variety. The server default. (<c>mmr</c>)
    /// </summary>
    public static ServerDedupMode Mmr { get; } = new("mmr");

    /// <summary>The text the server uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public static implicit operator ServerDedupMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ServerDedupMode IStringValue<ServerDedupMode>.Create(string value) => new(value);
}
