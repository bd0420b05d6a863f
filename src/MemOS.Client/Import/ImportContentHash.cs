using System.Security.Cryptography;
using System.Text.Json;
using MemOS.Client.Messages;
using MemOS.Client.Serialization;

namespace MemOS.Client.Import;

/// <summary>
/// The hash a checkpoint entry keeps of the messages it records: a later run trusts the entry only
/// for these very messages, so a line that changed since is never skipped by its position.
/// </summary>
internal static class ImportContentHash
{
    public static string Of(IEnumerable<MemOSMessage> messages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var message in messages)
        {
            // Each message as JSON (role, content, chat_time and the rest), one per line.
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(message, MemOSJsonContext.Default.MemOSMessage));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }
}
