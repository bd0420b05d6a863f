using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace MemOS.Client.Import;

/// <summary>
/// The service a checkpoint records writes to: its base URL and a hash of the API key (never the key
/// itself). A checkpoint file holds the target of its first run, and refuses a run against another,
/// whose service holds none of what the checkpoint says was written.
/// </summary>
public sealed record ImportCheckpointTarget
{
    /// <summary>The API base URL, as the client sends to it.</summary>
    [JsonPropertyName("base_url")]
    public required string BaseUrl { get; init; }

    /// <summary>
    /// The first 16 bytes of the SHA-256 of the API key, in hexadecimal: tells keys apart without revealing one.
    /// </summary>
    [JsonPropertyName("api_key_sha256")]
    public required string ApiKeyHash { get; init; }

    /// <summary>The target of a client with this base URL and API key.</summary>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="apiKey">The API key; only its hash is kept.</param>
    /// <returns>The target.</returns>
    public static ImportCheckpointTarget Of(Uri baseUrl, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        return new ImportCheckpointTarget
        {
            BaseUrl = baseUrl.AbsoluteUri.TrimEnd('/'),
            ApiKeyHash = Convert.ToHexString(hash, 0, 16).ToLowerInvariant(),
        };
    }

    /// <summary>Reads like <c>https://memos.memtensor.cn/api/openmem/v1 with API key #3f2a…</c>.</summary>
    public override string ToString() => $"{BaseUrl} with API key #{ApiKeyHash[..Math.Min(8, ApiKeyHash.Length)]}";
}
