using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace MemOS.Client.Import;

/// <summary>
/// Escapes only what JSON requires (control characters, the quote and the backslash) and writes
/// every other character as UTF-8, emoji included, so an export or a result can be read and
/// searched as text. The built-in relaxed encoder still escapes characters outside the Basic
/// Multilingual Plane (emoji) and some others. Text that is not valid Unicode (a lone surrogate)
/// is escaped too, so the output stays valid UTF-8. Not for JSON embedded in HTML.
/// </summary>
internal sealed class ReadableJsonEncoder : JavaScriptEncoder
{
    public static ReadableJsonEncoder Instance { get; } = new();

    private ReadableJsonEncoder()
    {
    }

    /// <summary>The longest escape is <c>\uXXXX</c>.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar)
        => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || !Rune.IsValid(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return i;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
                {
                    return i;
                }

                i++;
            }
        }

        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var i = 0;
        while (i < utf8Text.Length)
        {
            var b = utf8Text[i];
            if (b < 0x80)
            {
                if (b < 0x20 || b == '"' || b == '\\')
                {
                    return i;
                }

                i++;
                continue;
            }

            if (Rune.DecodeFromUtf8(utf8Text[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(
        int unicodeScalar,
        char* buffer,
        int bufferLength,
        out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        numberOfCharactersWritten = 0;
        var escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        if (escape is not null)
        {
            if (!escape.TryCopyTo(output))
            {
                return false;
            }

            numberOfCharactersWritten = escape.Length;
            return true;
        }

        if (unicodeScalar >= 0x20 && Rune.IsValid(unicodeScalar))
        {
            // Asked for a character this encoder leaves alone: written as itself.
            return new Rune(unicodeScalar).TryEncodeToUtf16(output, out numberOfCharactersWritten);
        }

        // A control character, or a lone surrogate, which has no UTF-8 form.
        if (output.Length < 6
            || !((ushort)unicodeScalar).TryFormat(output[2..], out _, "x4", CultureInfo.InvariantCulture))
        {
            return false;
        }

        output[0] = '\\';
        output[1] = 'u';
        numberOfCharactersWritten = 6;
        return true;
    }
}
