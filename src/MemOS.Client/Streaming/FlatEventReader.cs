using System.Buffers;
using System.Globalization;
using System.Text;
using MemOS.Client.Chat;

namespace MemOS.Client.Streaming;

/// <summary>
/// Reads the events nearly every stream consists of without the general JSON reader: an object
/// holding only a string <c>type</c> of <c>text</c>, <c>reasoning</c> or <c>end</c> and, for the
/// two deltas, a string <c>data</c>, in either order and with any white space. Setting up a
/// <see cref="System.Text.Json.Utf8JsonReader"/> and walking its tokens cost more per event than all the rest of
/// the stream (framing, the loop, the delivered string); this scan costs a few comparisons besides
/// decoding the text. It accepts only what is certainly valid and means the same to the general
/// parser; anything else, including anything malformed, is left to
/// <see cref="ChatStreamEventParser"/>, which decides what it is.
/// </summary>
internal static class FlatEventReader
{
    // Throws for bytes that are not UTF-8, as Utf8JsonReader.GetString does; the general parser then names the problem.
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    // What ends a run of plain text inside a JSON string: its closing quote, an escape, or a control character (which
    // JSON does not allow).
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        [
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
            29, 30, 31, (byte)'"', (byte)'\\',
        ]);

    /// <summary>
    /// The event <paramref name="json"/> holds when it has the flat shape; null to leave it to the general parser.
    /// </summary>
    /// <param name="json">One event's data with the white space around it trimmed.</param>
    public static ChatStreamEvent? TryRead(ReadOnlySpan<byte> json)
    {
        if (json.Length < 2 || json[0] != (byte)'{' || json[^1] != (byte)'}')
        {
            return null;
        }

        // The names and the type are compared as whole quoted tokens, so only the text is searched.
        var members = json[1..^1];
        var kind = Kind.None;
        ReadOnlySpan<byte> data = default;
        bool hasData = false, dataEscaped = false;
        var position = 0;
        while (true)
        {
            position = SkipWhiteSpace(members, position);
            var isType = members[position..].StartsWith("\"type\""u8);
            if (!isType && !members[position..].StartsWith("\"data\""u8))
            {
                return null;
            }

            position = SkipWhiteSpace(members, position + 6);
            if (position == members.Length || members[position] != (byte)':')
            {
                return null;
            }

            position = SkipWhiteSpace(members, position + 1);
            var value = members[position..];

            // A repeated member, and any other, is the general parser's to judge.
            if (isType && kind == Kind.None)
            {
                (kind, var length) = value.StartsWith("\"text\""u8) ? (Kind.Text, 6)
                    : value.StartsWith("\"reasoning\""u8) ? (Kind.Reasoning, 11)
                    : value.StartsWith("\"end\""u8) ? (Kind.End, 5)
                    : (Kind.None, 0);
                if (kind == Kind.None)
                {
                    return null;
                }

                position += length;
            }
            else if (!isType && !hasData)
            {
                var start = position;
                if (!TryString(members, ref position, out dataEscaped))
                {
                    return null;
                }

                data = members[start..position];
                hasData = true;
            }
            else
            {
                return null;
            }

            position = SkipWhiteSpace(members, position);
            if (position == members.Length)
            {
                break;
            }

            if (members[position] != (byte)',')
            {
                return null;
            }

            position++;
        }

        return kind switch
        {
            Kind.End when !hasData => ChatStreamEventParser.End,
            Kind.Text when hasData && Decode(data, dataEscaped) is { } text => new ChatTextDelta(text),
            Kind.Reasoning when hasData && Decode(data, dataEscaped) is { } text => new ChatReasoningDelta(text),
            _ => null,
        };
    }

    /// <summary>
    /// Moves <paramref name="position"/> past the JSON string starting there. False when there is
    /// no string there, it does not end, or it holds a control character (which JSON does not allow unescaped).
    /// </summary>
    private static bool TryString(ReadOnlySpan<byte> json, ref int position, out bool escaped)
    {
        escaped = false;
        if (position == json.Length || json[position] != (byte)'"')
        {
            return false;
        }

        var end = position + 1;
        while (true)
        {
            var next = json[end..].IndexOfAny(StringSpecials);
            if (next < 0)
            {
                return false;
            }

            end += next;
            if (json[end] == (byte)'"')
            {
                position = end + 1;
                return true;
            }

            if (json[end] != (byte)'\\')
            {
                return false;
            }

            // Past the backslash and the byte it escapes: an escaped quote does not end the string.
            escaped = true;
            end += 2;
            if (end > json.Length)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The text of a JSON string given with its quotes; null when it is not valid text, for the general parser to
    /// report.
    /// </summary>
    private static string? Decode(ReadOnlySpan<byte> quoted, bool escaped)
    {
        var content = quoted[1..^1];
        try
        {
            return escaped ? Unescape(content) : StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The text of a string holding escapes: quotes and line breaks in any text, and every
    /// character outside ASCII from a server that escapes them (Python's default). Null for an
    /// escape that is malformed or leaves half of a surrogate pair.
    /// </summary>
    private static string? Unescape(ReadOnlySpan<byte> content)
    {
        // As UTF-8 the text is never longer than its escaped form: each escape is at least as long as what it stands
        // for.
        const int StackLimit = 256;
        byte[]? rented = null;
        var buffer = content.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(content.Length));
        try
        {
            var written = 0;
            while (true)
            {
                var backslash = content.IndexOf((byte)'\\');
                if (backslash < 0)
                {
                    content.CopyTo(buffer[written..]);
                    return StrictUtf8.GetString(buffer[..(written + content.Length)]);
                }

                content[..backslash].CopyTo(buffer[written..]);
                written += backslash;
                if (backslash + 1 == content.Length)
                {
                    return null;
                }

                var escape = content[backslash + 1];
                content = content[(backslash + 2)..];
                if (escape == (byte)'u')
                {
                    if (!TryEscapedRune(ref content, out var rune))
                    {
                        return null;
                    }

                    written += rune.EncodeToUtf8(buffer[written..]);
                    continue;
                }

                // Every two-character escape stands for one ASCII byte; zero marks one JSON does not have.
                var single = escape switch
                {
                    (byte)'"' or (byte)'\\' or (byte)'/' => escape,
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => (byte)0,
                };
                if (single == 0)
                {
                    return null;
                }

                buffer[written++] = single;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Reads the four hex digits after <c>\u</c>, and the second escape of a surrogate pair, into the character they
    /// stand for.
    /// </summary>
    private static bool TryEscapedRune(ref ReadOnlySpan<byte> content, out Rune rune)
    {
        rune = default;
        if (!TryHex(content, out var unit))
        {
            return false;
        }

        content = content[4..];
        if (!char.IsSurrogate(unit))
        {
            rune = new Rune(unit);
            return true;
        }

        if (!char.IsHighSurrogate(unit) || !content.StartsWith("\\u"u8) || !TryHex(content[2..], out var low)
            || !char.IsLowSurrogate(low))
        {
            return false;
        }

        content = content[6..];
        rune = new Rune(unit, low);
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out char unit)
    {
        unit = default;
        if (digits.Length < 4 || !ushort.TryParse(
            digits[..4],
            NumberStyles.AllowHexSpecifier,
            CultureInfo.InvariantCulture,
            out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length && json[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            position++;
        }

        return position;
    }

    private enum Kind
    {
        None,
        Text,
        Reasoning,
        End,
    }
}
