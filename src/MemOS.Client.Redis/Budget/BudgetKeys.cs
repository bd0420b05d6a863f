using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace MemOS.Client.Redis.Budget;

/// <summary>
/// Where a key's budget lives in Redis: under a hash of the API key, never the key itself. The hash
/// is in braces (a Redis Cluster hash tag), so both keys of a budget sit on one node, as a script needs.
/// </summary>
internal sealed class BudgetKeys
{
    public const string Prefix = "memos:rate:";

    public BudgetKeys(string apiKey)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)).AsSpan(0, 16));
        Bucket = $"{Prefix}{{{hash}}}:bucket";
        Instances = $"{Prefix}{{{hash}}}:instances";
    }

    /// <summary>The time the bucket is full again (µs on Redis's clock).</summary>
    public RedisKey Bucket { get; }

    /// <summary>The instances that took a permit in the last 10 seconds, by id, scored by when.</summary>
    public RedisKey Instances { get; }
}
