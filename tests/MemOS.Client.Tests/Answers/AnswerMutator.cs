using System.IO.Compression;
using System.Text;
using MemOS.Client.Tests.Infrastructure;

namespace MemOS.Client.Tests.Answers;

/// <summary>
/// Turns one valid answer into a malformed one, chosen by a seeded random source: bytes replaced or
/// inserted (invalid UTF-8 among them, inside and outside strings), the body cut short, a value
/// retyped or made huge, or the framing made odd (chunk splits, a wrong or missing length, another
/// content type or encoding, another status).
/// </summary>
public sealed class AnswerMutator(int seed)
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "text/html", "text/event-stream",
        "application/problem+json", "application/octet-stream", "", "application/json; charset=latin1",
    ];

    private static readonly int[] Statuses = [200, 200, 201, 202, 204, 206, 301, 400, 404, 413, 429, 500, 502, 503];

    private static readonly string[] Replacements =
    [
        "null", "0", "-1", "1e999", "true", "\"\"", "[]", "{}", "\"x\"", "[null]", "{\"a\":1}", "40309", "\"0\"", "9999999999999999999999",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A malformed raw response made from <paramref name="body"/>, and what was done to it.</summary>
    public (byte[] Raw, string What) Mutate(byte[] body, string contentType)
    {
        var kind = _random.Next(12);
        return kind switch
        {
            0 => (RawAnswerServer.Framed(ReplaceBytes(body), contentType: contentType), "bytes replaced"),
            1 => (RawAnswerServer.Framed(InsertBytes(body), contentType: contentType), "bytes inserted"),
            2 => (RawAnswerServer.Framed(InvalidUtf8InString(body), contentType: contentType), "invalid UTF-8 inside a string"),
            3 => (RawAnswerServer.Framed(body[.._random.Next(body.Length)], contentType: contentType), "body cut, length matching"),
            4 => (CutAgainstLength(body, contentType), "body cut, the announced length longer"),
            5 => (RawAnswerServer.Framed(RetypeValue(body), contentType: contentType), "a value retyped"),
            6 => (RawAnswerServer.Framed(HugeValue(body), contentType: contentType), "a huge value"),
            7 => (Chunked(body, contentType), "chunked in random splits"),
            8 => (RawAnswerServer.Framed(body, contentType: ContentTypes[_random.Next(ContentTypes.Length)]), "another content type"),
            9 => (RawAnswerServer.Framed(ReplaceBytes(body), Statuses[_random.Next(Statuses.Length)], contentType), "another status, bytes replaced"),
            10 => (Unframed(InsertBytes(body), contentType), "no length, closed at the end"),
            _ => (Encoded(body, contentType), "a content encoding"),
        };
    }

    private byte[] ReplaceBytes(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var n = 1 + _random.Next(4); n > 0 && copy.Length > 0; n--)
        {
            copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        }

        return copy;
    }

    private byte[] InsertBytes(byte[] body)
    {
        var inserted = new byte[1 + _random.Next(8)];
        _random.NextBytes(inserted);
        var at = _random.Next(body.Length + 1);
        return [.. body[..at], .. inserted, .. body[at..]];
    }

    // Bytes that are never UTF-8 (a lone continuation, an overlong lead, 0xFF) just after a string's opening quote.
    private byte[] InvalidUtf8InString(byte[] body)
    {
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == (byte)'"').ToArray();
        var at = quotes.Length == 0 ? _random.Next(body.Length + 1) : quotes[_random.Next(quotes.Length)] + 1;
        byte[][] invalid = [[0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xC3]];
        return [.. body[..at], .. invalid[_random.Next(invalid.Length)], .. body[at..]];
    }

    private byte[] CutAgainstLength(byte[] body, string contentType)
    {
        var framed = RawAnswerServer.Framed(body, contentType: contentType);
        return framed[..(framed.Length - 1 - _random.Next(body.Length))];
    }

    // A scalar value (after a colon) replaced by another type's.
    private byte[] RetypeValue(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToArray();
        if (colons.Length == 0)
        {
            return body;
        }

        var start = colons[_random.Next(colons.Length)] + 1;
        var end = start;
        while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n'))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(text[..start] + Replacements[_random.Next(Replacements.Length)] + text[end..]);
    }

    private byte[] HugeValue(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var colon = text.IndexOf(':', _random.Next(Math.Max(1, text.Length)));
        if (colon < 0)
        {
            colon = text.IndexOf(':');
        }

        string huge = _random.Next(4) switch
        {
            0 => "\"" + new string('x', 2_000_000) + "\"",
            1 => new string('[', 5_000) + new string(']', 5_000),
            2 => "1" + new string('0', 100_000),
            _ => "[" + string.Join(',', Enumerable.Repeat("{\"memory\":\"m\"}", 50_000)) + "]",
        };
        return colon < 0 ? Encoding.UTF8.GetBytes(huge) : Encoding.UTF8.GetBytes(text[..(colon + 1)] + huge + "," + text[(colon + 1)..]);
    }

    private byte[] Chunked(byte[] body, string contentType)
    {
        var raw = new List<byte>(Encoding.ASCII.GetBytes($"HTTP/1.1 200 X\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
        var at = 0;
        while (at < body.Length)
        {
            var size = Math.Min(body.Length - at, 1 + _random.Next(40));
            raw.AddRange(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            raw.AddRange(body[at..(at + size)]);
            raw.AddRange("\r\n"u8.ToArray());
            at += size;
        }

        // Sometimes the last chunk never comes, or a chunk size lies.
        switch (_random.Next(3))
        {
            case 0:
                raw.AddRange("0\r\n\r\n"u8.ToArray());
                break;
            case 1:
                raw.AddRange("zz\r\nbad\r\n"u8.ToArray());
                break;
        }

        return [.. raw];
    }

    private static byte[] Unframed(byte[] body, string contentType)
        => [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 X\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n"), .. body];

    private byte[] Encoded(byte[] body, string contentType)
    {
        var encoding = _random.Next(2) == 0 ? "gzip" : "br";
        byte[] payload = body;
        if (_random.Next(2) == 0)
        {
            using var compressed = new MemoryStream();
            using (Stream zip = encoding == "gzip" ? new GZipStream(compressed, CompressionLevel.Fastest) : new BrotliStream(compressed, CompressionLevel.Fastest))
            {
                zip.Write(body);
            }

            payload = ReplaceBytes(compressed.ToArray());
        }

        return RawAnswerServer.Framed(payload, contentType: contentType, extraHeaders: $"Content-Encoding: {encoding}\r\n");
    }
}
