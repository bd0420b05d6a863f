using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client.Server;

/// <summary>
/// The pipeline a synchronous add runs on the self-hosted server (<c>mode</c> of
/// <c>/product/add</c>). An open set: values the SDK does not know yet parse and compare like the known ones.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ServerAddMode>))]
public readonly record struct ServerAddMode : IStringValue<ServerAddMode>
{
    /// <summary>Creates a value from its wire text.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public ServerAddMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The quicker add pipeline. (<c>fast</c>)</summary>
    public static ServerAddMode Fast { get; } = new("fast");

    /// <summary>The thorough add pipeline. (<c>fine</c>)</summary>
    public static ServerAddMode Fine { get; } = new("fine");

    /// <summary>The text the server uses for this value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Converts wire text to a value.</summary>
    /// <param name="value">The text the server uses for this value.</param>
    public static implicit operator ServerAddMode(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    static ServerAddMode IStringValue<ServerAddMode>.Create(string value) => new(value);
}
