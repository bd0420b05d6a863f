using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MemOS.Client.Cli.Mcp.Http;

/// <summary>
/// The bearer tokens the HTTP server accepts, each with the user it serves (null: the tools take a
/// <c>userId</c>). Only SHA-256 hashes are kept; a presented token is hashed and compared with every
/// entry in constant time, so neither the answer's timing nor memory reveals a token.
/// </summary>
internal sealed class TokenTable
{
    /// <summary>Shorter tokens are refused: they could be guessed.</summary>
    public const int MinimumLength = 16;

    private const string HashPrefix = "sha256:";

    private readonly List<(byte[] Hash, string? User)> _entries = [];

    public int Count => _entries.Count;

    /// <summary>
    /// Adds a token in the clear; <paramref name="source"/> names where it came from for errors, never the token.
    /// </summary>
    public void Add(string token, string? user, string source)
    {
        if (token.Length < MinimumLength)
        {
            throw new CliException($"The token from {source} is shorter than {MinimumLength} characters; use a long "
                + "random one, e.g. from 'openssl rand -hex 32'.");
        }

        AddHash(Hash(token), user, source);
    }

    /// <summary>
    /// Reads a tokens file: one <c>TOKEN USER</c> or <c>sha256:HEX USER</c> a line (the hash of the token's
    /// UTF-8 bytes, e.g. from <c>printf %s TOKEN | sha256sum</c>); blank lines and lines starting with # are skipped.
    /// </summary>
    public void AddFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--tokens '{path}' cannot be read: {error.Message}");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var source = string.Create(CultureInfo.InvariantCulture, $"--tokens '{path}' line {i + 1}");
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new CliException($"{source} is not 'TOKEN USER' or 'sha256:HEX USER'.");
            }

            if (parts[0].StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase))
            {
                byte[] hash;
                try
                {
                    hash = Convert.FromHexString(parts[0].AsSpan(HashPrefix.Length));
                }
                catch (FormatException)
                {
                    hash = [];
                }

                if (hash.Length != SHA256.HashSizeInBytes)
                {
                    throw new CliException($"{source}: the hash is not 64 hexadecimal digits of a SHA-256.");
                }

                AddHash(hash, parts[1], source);
            }
            else
            {
                Add(parts[0], parts[1], source);
            }
        }
    }

    /// <summary>Finds the entry of a presented token; every entry is compared, whatever matches.</summary>
    public bool TryMatch(string? presented, out string? user)
    {
        user = null;
        if (presented is null)
        {
            return false;
        }

        var hash = Hash(presented);
        var found = false;
        foreach (var entry in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, entry.Hash) && !found)
            {
                found = true;
                user = entry.User;
            }
        }

        return found;
    }

    private void AddHash(byte[] hash, string? user, string source)
    {
        if (_entries.Exists(entry => CryptographicOperations.FixedTimeEquals(entry.Hash, hash)))
        {
            throw new CliException($"The token from {source} is given twice; each token serves one user.");
        }

        _entries.Add((hash, user));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
