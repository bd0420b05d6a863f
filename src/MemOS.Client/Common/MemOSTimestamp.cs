using System.Globalization;
using System.Text.Json.Serialization;
using MemOS.Client.Serialization;

namespace MemOS.Client;

/// <summary>
/// A time as MemOS sends it: epoch milliseconds as a number, a numeric string, or a date text
/// such as <c>"2025-06-10 09:30:00"</c>. The text as received is kept in <see cref="Raw"/>, so
/// nothing is lost when a value cannot be read as a point in time.
/// </summary>
[JsonConverter(typeof(MemOSTimestampConverter))]
public readonly record struct MemOSTimestamp
{
    // The MemOS cloud stamps zone-less texts in China Standard Time (SPEC §4.2, §4.4).
    private static readonly TimeSpan ServiceOffset = TimeSpan.FromHours(8);

    // Below this an epoch value is taken as seconds: as milliseconds it would fall in early 1973.
    private const long SmallestEpochMilliseconds = 100_000_000_000;

    private MemOSTimestamp(string raw, bool isNumber, DateTimeOffset? value)
    {
        Raw = raw;
        IsNumber = isNumber;
        Value = value;
    }

    /// <summary>The value exactly as it appeared on the wire (a number's digits or the string's text).</summary>
    public string Raw { get => field ?? string.Empty; }

    /// <summary><see langword="true"/> when the wire value was a JSON number.</summary>
    public bool IsNumber { get; }

    /// <summary>
    /// The point in time, or <see langword="null"/> when <see cref="Raw"/> is not a recognisable
    /// time. Texts without a zone are read as UTC+08:00, the zone the MemOS cloud stamps in.
    /// </summary>
    public DateTimeOffset? Value { get; }

    /// <summary>Creates a timestamp from epoch milliseconds, the form MemOS memory items use.</summary>
    /// <param name="milliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    public static MemOSTimestamp FromUnixTimeMilliseconds(long milliseconds)
        => new(milliseconds.ToString(CultureInfo.InvariantCulture), isNumber: true, FromEpoch(milliseconds));

    /// <summary>Reads a timestamp from text: digits are epoch milliseconds, anything else a date text.</summary>
    /// <param name="text">The text to read; it is kept as <see cref="Raw"/> whatever it holds.</param>
    public static MemOSTimestamp Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return new(text, isNumber: false, FromEpoch(epoch));
        }

        return new(text, isNumber: false, ParseDateText(trimmed));
    }

    internal static MemOSTimestamp FromNumber(string raw, double number)
        => new(raw, isNumber: true, number is >= long.MinValue and <= long.MaxValue ? FromEpoch((long)number) : null);

    /// <inheritdoc />
    public override string ToString() => Value?.ToString("O", CultureInfo.InvariantCulture) ?? Raw;

    private static DateTimeOffset? FromEpoch(long value)
    {
        try
        {
            return Math.Abs(value) < SmallestEpochMilliseconds
                ? DateTimeOffset.FromUnixTimeSeconds(value)
                : DateTimeOffset.FromUnixTimeMilliseconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseDateText(string text)
    {
        if (!DateTime.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind,
            out var parsed))
        {
            return null;
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, ServiceOffset)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);
    }
}
