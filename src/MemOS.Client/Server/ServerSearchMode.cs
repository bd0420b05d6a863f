using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// How thoroughly the self-hosted server searches memories (<c>mode</c>).
/// An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ServerSearchMode>))]
public readonly record struct ServerSearchMode : IStringValue<ServerSearchMode>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public ServerSearchMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Quick retrieval, the server default. (<c>fast</c>)</summary>
    public static ServerSearchMode Fast { get; } = new("fast");

    /// <summary>Slower, more thorough retrieval. (<c>fine</c>)</summary>
    public static ServerSearchMode Fine { get; } = new("fine");

    /// <summary>A mix of fast and fine retrieval. (<c>mixture</c>)</summary>
    public static ServerSearchMode Mixture { get; } = new("mixture");

    /// <summary>The text the server uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public static implicit operator ServerSearchMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ServerSearchMode IStringValue<ServerSearchMode>.Create(string value) => new(value);
}
