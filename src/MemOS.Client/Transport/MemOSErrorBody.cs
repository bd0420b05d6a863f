using System.Text.Json;
using System.Text.Json.Serialization;

namespace MemOS.Client.Transport;

/// <summary>
/// What an HTTP error response may carry: the cloud envelope, the self-hosted server's 422 body
/// (<c>detail</c> list), or the rate limiter's <c>{"detail": "...", "retry_after": n}</c>.
/// </summary>
internal sealed class MemOSErrorBody
{
    [JsonPropertyName("code")]
    public double? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("detail")]
    public JsonElement? Detail { get; set; }

    [JsonPropertyName("retry_after")]
    public double? RetryAfter { get; set; }

    public string? Describe()
        => Message ?? (Detail is { ValueKind: JsonValueKind.String } detail ? detail.GetString() : null);
}
